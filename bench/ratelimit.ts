import { randomUUID } from "node:crypto";
import { applyRateLimit, closeRateLimitStore, pingRateLimitStore } from "@/lib/ratelimit";

/**
 * `npm run bench:ratelimit`: the latency applyRateLimit adds to each API request, with the local Redis
 * (REDIS_URL, default redis://127.0.0.1:6379) and, for comparison, the in-memory store. Sequential calls,
 * spread over enough API keys that every call is allowed and so makes the full round trip to the store.
 * Target: p50 < 2 ms with local Redis.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 5_000);
const WARM_UP_CALLS = 500;
const CALLS_PER_KEY = 100; // under the "general" route's 300 per minute
const TARGET_P50_MS = 2;

type Stats = { p50: number; p99: number; mean: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(calls: number): Promise<Stats> {
  const run = randomUUID();
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    const outcome = await applyRateLimit({ keyId: `bench-${run}-${Math.floor(i / CALLS_PER_KEY)}` }, "general");
    latencies.push(performance.now() - started);
    if (!outcome.allowed) throw new Error(`call ${i} was rate limited; the benchmark must measure allowed calls`);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), mean: latencies.reduce((sum, ms) => sum + ms, 0) / calls };
}

async function bench(name: string): Promise<Stats> {
  await measure(WARM_UP_CALLS);
  const stats = await measure(CALLS);
  console.log(
    `${name.padEnd(8)} p50 ${stats.p50.toFixed(3)} ms   p99 ${stats.p99.toFixed(3)} ms   mean ${stats.mean.toFixed(3)} ms   (${CALLS} sequential calls)`,
  );
  await closeRateLimitStore();
  return stats;
}

async function main() {
  delete process.env.RATE_LIMITS;
  delete process.env.UPSTASH_REDIS_REST_URL;
  process.env.REDIS_URL ||= "redis://127.0.0.1:6379";
  console.log(`applyRateLimit added latency; Redis at ${process.env.REDIS_URL}`);
  if (!(await pingRateLimitStore().catch(() => false))) {
    console.error("Redis does not answer: start it or set REDIS_URL.");
    await closeRateLimitStore();
    process.exitCode = 1;
    return;
  }
  const redis = await bench("redis");
  delete process.env.REDIS_URL;
  await bench("memory");
  const met = redis.p50 < TARGET_P50_MS;
  console.log(`redis p50 ${redis.p50.toFixed(3)} ms: ${met ? "meets" : "MISSES"} the target of < ${TARGET_P50_MS} ms`);
  if (!met) process.exitCode = 1;
}

await main();
