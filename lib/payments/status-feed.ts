import { sql } from "drizzle-orm";
import { listenToDatabase, type DbOrTx } from "@/lib/db";
import { errorFields, log } from "@/lib/log";

const CHANNEL = "khqr_payment_status";

/** Said inside the transaction that changes a payment's status: every instance hears it once that commits. */
export async function announceStatusChange(tx: DbOrTx, md5: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${md5})`);
}

type Listener = () => void;
// On globalThis: route handlers and instrumentation may be separate module copies in one process.
const globalForFeed = globalThis as unknown as {
  __khqrStatusWatchers?: Map<string, Set<Listener>>;
  __khqrStatusFeed?: Promise<unknown> | null;
};
const watchers = (globalForFeed.__khqrStatusWatchers ??= new Map<string, Set<Listener>>());

function startListening(): Promise<unknown> {
  return (globalForFeed.__khqrStatusFeed ??= listenToDatabase(CHANNEL, (md5) => {
    for (const listener of watchers.get(md5) ?? []) listener();
  }).catch((error: unknown) => {
    // Pages fall back to re-reading the status every few seconds; the next watcher tries to listen again.
    log("warn", "payment_status_feed_unavailable", errorFields(error));
    globalForFeed.__khqrStatusFeed = null;
  }));
}

/**
 * Calls `listener` whenever the payment with this md5 may have changed status, on any instance: on each
 * change, and once when the watch is listening (a change made before that was not heard). Returns the unsubscribe.
 */
export function watchPaymentStatus(md5: string, listener: Listener): () => void {
  const forMd5 = watchers.get(md5) ?? new Set<Listener>();
  forMd5.add(listener);
  watchers.set(md5, forMd5);
  void startListening().then(() => forMd5.has(listener) && listener());
  return () => {
    forMd5.delete(listener);
    if (forMd5.size === 0) watchers.delete(md5);
  };
}
