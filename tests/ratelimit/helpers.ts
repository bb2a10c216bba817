import { randomUUID } from "node:crypto";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix no other test or run shares, so runs against one Redis never see each other's counters. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomUUID()}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits out the last `marginMs` of a window: the sliding window weighs the previous window's count down
 * (rounding down), so a burst straddling a boundary could let one request more through.
 */
export async function awayFromWindowEdge(windowMs: number, marginMs = 5_000): Promise<void> {
  const intoWindow = Date.now() % windowMs;
  if (intoWindow > windowMs - marginMs) await sleep(windowMs - intoWindow + 20);
}
