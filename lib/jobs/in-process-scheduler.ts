import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { pollDueTransactions } from "./poll-due-transactions";
import { startTicker } from "./ticker";

/** About the shortest polling cadence (3 s) divided by three, so a due check waits at most ~1 s. */
export const SCHEDULER_INTERVAL_MS = 1_000;

export type InProcessScheduler = {
  /** A payment was just marked paid: send its webhooks now rather than at the next tick. */
  wakeDeliveries(): void;
  /** Finishes the runs in progress, then stops. */
  stop(): Promise<void>;
};

export type SchedulerJobs = {
  poll?: () => Promise<unknown>;
  deliver?: () => Promise<unknown>;
  intervalMs?: number;
};

/**
 * The driver for a single server (`npm run dev`, `npm start`) when Inngest is not configured. Polling and
 * delivery tick separately, so a Bakong outage never delays webhooks and a slow receiver never delays
 * polling. The work functions claim their rows, so several servers doing this at once is still safe.
 */
export function startInProcessScheduler(jobs: SchedulerJobs = {}): InProcessScheduler {
  const intervalMs = jobs.intervalMs ?? SCHEDULER_INTERVAL_MS;
  const polling = startTicker({ name: "poll_bakong", intervalMs, run: jobs.poll ?? (() => pollDueTransactions()) });
  const delivering = startTicker({ name: "deliver_webhooks", intervalMs, run: jobs.deliver ?? (() => deliverDueWebhooks()) });
  return {
    wakeDeliveries: () => delivering.wake(),
    stop: async () => {
      await Promise.all([polling.stop(), delivering.stop()]);
    },
  };
}
