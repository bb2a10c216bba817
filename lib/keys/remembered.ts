import type { ApiKeyAuth } from "./authenticate";

/** How often a key's last_used_at is written; also how long a looked-up key is remembered. */
export const KEY_USE_RECORDED_EVERY_MS = 60_000;
const MAX_REMEMBERED = 10_000;

type Entry = { auth: ApiKeyAuth; until: number };

// Per process, keyed by the key's SHA-256 (never the key): a hint that saves a lookup, never the authority.
// Whoever uses one re-checks it in its own write (see account.ts); an entry's age bounds how stale
// last_used_at can get, because a forgotten key is looked up, and recorded, again.
const remembered = new Map<string, Entry>();

export function rememberKey(keyHash: string, auth: ApiKeyAuth): void {
  remembered.delete(keyHash);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(keyHash, { auth, until: Date.now() + KEY_USE_RECORDED_EVERY_MS });
}

export function recallKey(keyHash: string): ApiKeyAuth | null {
  const entry = remembered.get(keyHash);
  if (!entry) return null;
  if (entry.until > Date.now()) return entry.auth;
  remembered.delete(keyHash);
  return null;
}
