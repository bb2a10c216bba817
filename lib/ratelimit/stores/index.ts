import { createIoredisStore } from "./ioredis-store";
import { createMemoryStore } from "./memory-store";
import { createUpstashStore } from "./upstash-store";
import type { RateLimitStore } from "./types";

export type { RateLimitStore, ScriptRunner } from "./types";
export { IoredisScriptRunner } from "./ioredis-store";

type StoreEnv = Record<string, string | undefined>;

/** Upstash when its REST URL and token are set, else Redis at REDIS_URL, else memory (one process only). */
export function createRateLimitStore(env: StoreEnv = process.env): RateLimitStore {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN)
    return createUpstashStore(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN);
  if (env.REDIS_URL) return createIoredisStore(env.REDIS_URL);
  return createMemoryStore();
}
