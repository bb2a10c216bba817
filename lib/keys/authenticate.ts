import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { accountFields } from "@/lib/accounts";
import { getDb, preparedStatement, type Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashApiKey, parseApiKeyMode } from "./format";
import type { ApiKeyAuth } from "./key-auth";
import { cachedKeyLookup, cacheKeyLookup, KEY_CACHE_TTL_MS } from "./key-cache";

// Every API request runs this, so it is prepared once rather than built each time.
// Stryker disable next-line ArrowFunction: evaluated once at module load, where Stryker's vitest runner cannot switch a mutant on per test
// Stryker disable next-line StringLiteral: equivalent, the name only lets PostgreSQL reuse the parsed statement (an empty one is an unnamed statement, parsed each time)
const KEY_LOOKUP_STATEMENT = "api_key_lookup";

const keyLookup = preparedStatement((db: Db) =>
  db
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      mode: apiKeys.mode,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      ...accountFields,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, apiKeys.userId))
    .where(eq(apiKeys.keyHash, sql.placeholder("keyHash")))
    .limit(1)
    .prepare(KEY_LOOKUP_STATEMENT),
);

// Stryker disable next-line StringLiteral: evaluated once at module load, where Stryker's vitest runner cannot switch a mutant on per test (tests/keys/key-answers.test.ts pins the message)
const MISSING = "Send your API key as 'Authorization: Bearer khqr_live_…' (or khqr_test_… for the sandbox).";

/** The well-formed key's hash, or null when the header holds no key that could exist. */
function keyHashOf(authorization: string | null): string | null {
  // Stryker disable next-line StringLiteral: equivalent, a missing header matches neither "" nor any other non-Bearer text
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return key && parseApiKeyMode(key) ? hashApiKey(key) : null;
}

/** Resolves a Bearer header to its account; revocation is read on every request, so it applies at once. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyAuth> {
  // Stryker disable next-line StringLiteral: equivalent, a missing header matches neither "" nor any other non-Bearer text
  if (!/^Bearer\s+\S+\s*$/i.test(authorization ?? "")) throw new AppError("unauthorized", MISSING);
  const keyHash = keyHashOf(authorization);
  if (!keyHash)
    throw new AppError(
      "unauthorized",
      "That is not a KHQR Pay API key: keys look like khqr_live_ or khqr_test_ followed by 32 letters and digits.",
    );

  const db = await getDb();
  const [row] = await keyLookup(db).execute({ keyHash });
  if (!row) throw new AppError("unauthorized", "Unknown API key. Check it in the dashboard under API keys.");
  if (row.revokedAt) throw new AppError("forbidden", "This API key was revoked. Create a new one in the dashboard.");

  // Stryker disable next-line ArithmeticOperator,EqualityOperator,ConditionalExpression: equivalent, this only saves a statement; the update's own condition writes at most once a minute (tests/keys/key-cache.test.ts checks the write)
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= KEY_CACHE_TTL_MS) {
    // Conditional, so concurrent requests write at most once a minute.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  }
  const auth: ApiKeyAuth = {
    userId: row.userId,
    keyId: row.id,
    mode: row.mode,
    account: { plan: row.plan, profile: row.profile, version: row.version },
  };
  cacheKeyLookup(keyHash, auth);
  return auth;
}

/**
 * The key's lookup from this process's key cache (a lookup in the last minute), without asking the
 * database — or null. Unverified: only a handler that re-checks the key in its write (`keyRecheck`) may act on it.
 */
export function cachedApiKey(authorization: string | null): ApiKeyAuth | null {
  const keyHash = keyHashOf(authorization);
  return keyHash ? cachedKeyLookup(keyHash) : null;
}
