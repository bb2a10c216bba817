import type { StoreHealth } from "../store-health";

/**
 * The part of a Redis client that @upstash/ratelimit uses: it runs each limiter script with EVALSHA and,
 * when Redis answers NOSCRIPT, sends the script itself with EVAL. Result shapes are those of the Lua
 * scripts (the sliding window answers `[remaining, limit]`).
 */
export type ScriptRunner = {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
};

export type RateLimitStore = {
  kind: "upstash" | "redis" | "memory";
  scripts: ScriptRunner;
  /** True when a shared store answers, false for the in-memory store (nothing to check); rejects when unreachable. */
  ping(): Promise<boolean>;
  health: StoreHealth;
  close(): Promise<void>;
};
