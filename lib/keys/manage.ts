import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db";
import { apiKeys, type ApiKey } from "@/lib/db/schema";
import { generateApiKey } from "./format";
import type { Mode } from "@/lib/config/enums";

export type IssuedKey = { id: string; key: string; hint: string; mode: Mode; name: string };
export type ApiKeySummary = Pick<ApiKey, "id" | "name" | "mode" | "hint" | "createdAt" | "lastUsedAt" | "revokedAt">;

/** Creates a key and returns it in full: the only moment the full key exists outside the caller. */
export async function issueApiKey(userId: string, mode: Mode, name: string, db?: DbOrTx): Promise<IssuedKey> {
  const target = db ?? (await getDb());
  const { key, hash, hint } = generateApiKey(mode);
  const id = randomUUID();
  await target.insert(apiKeys).values({ id, userId, mode, name, keyHash: hash, hint });
  return { id, key, hint, mode, name };
}

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      mode: apiKeys.mode,
      hint: apiKeys.hint,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes one of the user's own keys; false when no active key of theirs has that id. */
export async function revokeApiKey(userId: string, keyId: string, db?: DbOrTx): Promise<boolean> {
  const target = db ?? (await getDb());
  const revoked = await target
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked.length === 1;
}

/** Replaces a key with a new one of the same name and mode, atomically; null when the key is not the user's or already revoked. */
export async function rollApiKey(userId: string, keyId: string): Promise<IssuedKey | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [old] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, mode: apiKeys.mode });
    if (!old) return null;
    return issueApiKey(userId, old.mode, old.name, tx);
  });
}
