import { Redis } from "ioredis";
import { RATE_LIMIT_STORE_TIMEOUT_MS } from "@/lib/config/rate-limits";
import { createStoreHealth } from "../store-health";
import { scriptSha } from "./sha1";
import type { RateLimitStore, ScriptRunner } from "./types";

// @upstash/ratelimit's scripts start with a shebang flag only Upstash understands; Redis 7 refuses the
// whole script ("Unexpected flag in script shebang"), while without the line it runs it as a plain script.
const UPSTASH_ONLY_SHEBANG = /^#!lua[^\n]*allow-key-locking[^\n]*\n/;

type PreparedScript = { sha: string; body: string };

/**
 * Lets @upstash/ratelimit run on a stock Redis through ioredis. The limiter names scripts by the hash
 * of their Upstash text; this runner remembers, per such hash, the stripped script and its own hash.
 */
export class IoredisScriptRunner implements ScriptRunner {
  private readonly prepared = new Map<string, PreparedScript>();
  // Optimistic until the first failure, so commands sent while the first connection opens wait for it.
  private connectionUp = true;

  constructor(private readonly client: Redis) {
    client.on("ready", () => {
      this.connectionUp = true;
    });
    client.on("close", () => {
      this.connectionUp = false;
    });
  }

  async evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown> {
    const script = this.prepared.get(sha);
    // Not seen yet: the limiter reacts to NOSCRIPT by calling eval() with the full text, prepared there once.
    if (!script) throw new Error(`NOSCRIPT ${sha} is not prepared for stock Redis yet`);
    return this.run(script, keys, args);
  }

  async eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    const sha = scriptSha(script);
    let prepared = this.prepared.get(sha);
    if (!prepared) {
      const body = script.replace(UPSTASH_ONLY_SHEBANG, "");
      prepared = { sha: scriptSha(body), body };
      this.prepared.set(sha, prepared);
    }
    return this.run(prepared, keys, args);
  }

  private async run({ sha, body }: PreparedScript, keys: string[], args: unknown[]): Promise<unknown> {
    // While the connection is down, fail at once rather than queue: the caller lets the request through.
    if (!this.connectionUp) throw new Error(`Redis connection is down (${this.client.status})`);
    const argv = [...keys, ...args.map(String)];
    try {
      return await this.client.evalsha(sha, keys.length, ...argv);
    } catch (error) {
      // First use on this server, or its script cache was flushed (restart, SCRIPT FLUSH).
      if (!String(error).includes("NOSCRIPT")) throw error;
      return this.client.eval(body, keys.length, ...argv);
    }
  }
}

export function createIoredisStore(url: string): RateLimitStore {
  const health = createStoreHealth("redis");
  const client = new Redis(url, {
    commandTimeout: RATE_LIMIT_STORE_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Commands queued during a reconnect are dropped after one failed attempt instead of piling up.
    maxRetriesPerRequest: 1,
    // Stryker disable next-line ArithmeticOperator,MethodExpression: reconnect pacing; while it reconnects, requests fail open at once either way.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every reconnect failure; these go through the throttled log instead.
  client.on("error", (error) => health.failed(error));
  return {
    kind: "redis",
    scripts: new IoredisScriptRunner(client),
    ping: async () => (await client.ping()) === "PONG",
    health,
    close: async () => client.disconnect(),
  };
}
