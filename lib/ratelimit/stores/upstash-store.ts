import { Redis } from "@upstash/redis";
import { createStoreHealth } from "../store-health";
import type { RateLimitStore } from "./types";

/** Upstash over HTTPS, for serverless deployments where a long-lived Redis connection is not possible. */
export function createUpstashStore(url: string, token: string): RateLimitStore {
  // One quick retry at most: the limiter gives up after its timeout and lets the request through anyway.
  const redis = new Redis({ url, token, retry: { retries: 1, backoff: () => 50 } });
  return {
    kind: "upstash",
    scripts: redis,
    ping: async () => (await redis.ping()) === "PONG",
    health: createStoreHealth("upstash"),
    close: async () => {},
  };
}
