import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import { apiKeys } from "@/lib/db/schema";
import { hashApiKey, parseApiKeyMode, type KeyMode } from "./format";

export type ApiKeyAuth = { userId: string; keyId: string; mode: KeyMode };

const MISSING = "Send your API key as 'Authorization: Bearer khqr_live_…' (or khqr_test_… for the sandbox).";

/** Resolves a Bearer header to its account; revocation is read on every request, so it applies at once. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyAuth> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new ApiError("unauthorized", MISSING);
  const key = match[1];
  const mode = parseApiKeyMode(key);
  if (!mode) throw new ApiError("unauthorized", "That is not a KHQR Pay API key: keys look like khqr_live_ or khqr_test_ followed by 32 letters and digits.");

  const db = await getDb();
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, mode: apiKeys.mode, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashApiKey(key)))
    .limit(1);
  if (!row) throw new ApiError("unauthorized", "Unknown API key. Check it in the dashboard under API keys.");
  if (row.revokedAt) throw new ApiError("forbidden", "This API key was revoked. Create a new one in the dashboard.");

  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= 60_000) {
    // Conditional, so concurrent requests write at most once a minute.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  }
  return { userId: row.userId, keyId: row.id, mode: row.mode };
}
