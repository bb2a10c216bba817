import { vi } from "vitest";
import { getDb } from "@/lib/db";
import { watchPaymentStatus } from "@/lib/payments";
import { announceStatusChange } from "@/lib/payments/status-feed";

/** A payment status change, announced as settling does: inside a transaction that then commits. */
export async function announce(md5: string): Promise<void> {
  const db = await getDb();
  await db.transaction((tx) => announceStatusChange(tx, md5));
}

/**
 * Watches a payment as the payment page's stream does and counts the calls. `reaches(n)` waits until the
 * n-th call; a call that never comes fails the test (the wait is generous: it only bounds a failure).
 */
export function countingWatcher(md5: string): { calls: () => number; reaches: (count: number) => Promise<void>; stop: () => void } {
  let calls = 0;
  const stop = watchPaymentStatus(md5, () => {
    calls += 1;
  });
  return {
    calls: () => calls,
    reaches: (count) =>
      vi.waitFor(
        () => {
          if (calls < count) throw new Error(`watcher of ${md5} called ${calls} times, waiting for ${count}`);
        },
        { timeout: 20_000, interval: 5 },
      ),
    stop,
  };
}
