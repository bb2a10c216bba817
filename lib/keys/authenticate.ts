import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { getDb, preparedStatement, type Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users, type MerchantProfile } from "@/lib/db/schema";
import { hashApiKey, parseApiKeyMode, type KeyMode } from "./format";

/** The key's account as read with the key, so a request that needs it (creating a QR) costs no second query. */
export type ApiAccount = { plan: string; profile: MerchantProfile | null };

export type ApiKeyAuth = { userId: string; keyId: string; mode: KeyMode; account?: ApiAccount };

// Every API request runs this, so it is prepared once rather than built each time.
const keyLookup = preparedStatement((db: Db) =>
  db
    .select({
      id: apiKeys.id, userId: apiKeys.userId, mode: apiKeys.mode, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt,
      plan: users.plan, profile: merchantProfiles,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, apiKeys.userId))
    .where(eq(apiKeys.keyHash, sql.placeholder("keyHash")))
    .limit(1)
    .prepare("api_key_lookup"),
);

const MISSING = "Send your API key as 'Authorization: Bearer khqr_live_…' (or khqr_test_… for the sandbox).";

/** Resolves a Bearer header to its account; revocation is read on every request, so it applies at once. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyAuth> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new ApiError("unauthorized", MISSING);
  const key = match[1];
  const mode = parseApiKeyMode(key);
  if (!mode) throw new ApiError("unauthorized", "That is not a KHQR Pay API key: keys look like khqr_live_ or khqr_test_ followed by 32 letters and digits.");

  const db = await getDb();
  const [row] = await keyLookup(db).execute({ keyHash: hashApiKey(key) });
  if (!row) throw new ApiError("unauthorized", "Unknown API key. Check it in the dashboard under API keys.");
  if (row.revokedAt) throw new ApiError("forbidden", "This API key was revoked. Create a new one in the dashboard.");

  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= 60_000) {
    // Conditional, so concurrent requests write at most once a minute.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  }
  return { userId: row.userId, keyId: row.id, mode: row.mode, account: { plan: row.plan, profile: row.profile } };
}
