import type { ApiKeyAuth } from "./key-auth";

/** How long a looked-up key stays cached; also how often its last_used_at is written. */
export const KEY_CACHE_TTL_MS = 60_000;
const MAX_CACHED_KEYS = 10_000;

type Entry = { auth: ApiKeyAuth; until: number };

// Per process, keyed by the key's SHA-256 (never the key): a hint that saves a lookup, never the authority.
// A route that uses a cached key re-checks it in its own write (key-check.ts); an entry's age bounds how
// stale last_used_at can get, because an expired key is looked up, and recorded, again.
const cache = new Map<string, Entry>();

export function cacheKeyLookup(keyHash: string, auth: ApiKeyAuth): void {
  cache.delete(keyHash);
  if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
  cache.set(keyHash, { auth, until: Date.now() + KEY_CACHE_TTL_MS });
}

export function cachedKeyLookup(keyHash: string): ApiKeyAuth | null {
  const entry = cache.get(keyHash);
  if (!entry) return null;
  if (entry.until > Date.now()) return entry.auth;
  cache.delete(keyHash);
  return null;
}
