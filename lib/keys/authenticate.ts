import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { getDb, preparedStatement, type Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users, type MerchantProfile } from "@/lib/db/schema";
import { accountFields } from "./account";
import { hashApiKey, parseApiKeyMode, type KeyMode } from "./format";
import { recallKey, rememberKey, KEY_USE_RECORDED_EVERY_MS } from "./remembered";

/**
 * The key's account as read with the key, so a request that needs it (creating a QR) costs no second query.
 * `version` lets a write check, in its own statement, that the account is still what was read.
 */
export type ApiAccount = { plan: string; profile: MerchantProfile | null; version: string };

export type ApiKeyAuth = { userId: string; keyId: string; mode: KeyMode; account?: ApiAccount };

// Every API request runs this, so it is prepared once rather than built each time.
const keyLookup = preparedStatement((db: Db) =>
  db
    .select({
      id: apiKeys.id, userId: apiKeys.userId, mode: apiKeys.mode, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt,
      ...accountFields,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, apiKeys.userId))
    .where(eq(apiKeys.keyHash, sql.placeholder("keyHash")))
    .limit(1)
    .prepare("api_key_lookup"),
);

const MISSING = "Send your API key as 'Authorization: Bearer khqr_live_…' (or khqr_test_… for the sandbox).";

/** The well-formed key's hash, or null when the header holds no key that could exist. */
function keyHashOf(authorization: string | null): string | null {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return key && parseApiKeyMode(key) ? hashApiKey(key) : null;
}

/** Resolves a Bearer header to its account; revocation is read on every request, so it applies at once. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyAuth> {
  if (!/^Bearer\s+\S+\s*$/i.test(authorization ?? "")) throw new ApiError("unauthorized", MISSING);
  const keyHash = keyHashOf(authorization);
  if (!keyHash) throw new ApiError("unauthorized", "That is not a KHQR Pay API key: keys look like khqr_live_ or khqr_test_ followed by 32 letters and digits.");

  const db = await getDb();
  const [row] = await keyLookup(db).execute({ keyHash });
  if (!row) throw new ApiError("unauthorized", "Unknown API key. Check it in the dashboard under API keys.");
  if (row.revokedAt) throw new ApiError("forbidden", "This API key was revoked. Create a new one in the dashboard.");

  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= KEY_USE_RECORDED_EVERY_MS) {
    // Conditional, so concurrent requests write at most once a minute.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  }
  const auth: ApiKeyAuth = { userId: row.userId, keyId: row.id, mode: row.mode, account: { plan: row.plan, profile: row.profile, version: row.version } };
  rememberKey(keyHash, auth);
  return auth;
}

/**
 * The account of a key looked up in the last minute, without asking the database — or null. Unverified:
 * only a caller whose write re-checks the key in the same statement (`accountCheck`) may act on it.
 */
export function recallApiKey(authorization: string | null): ApiKeyAuth | null {
  const keyHash = keyHashOf(authorization);
  return keyHash ? recallKey(keyHash) : null;
}
