import { JOBS, type JobDefinition } from "./definitions";
import { startTicker } from "./ticker";

/**
 * The longest a single server waits between passes of a job, whatever its `everyMs`: a pass that finds
 * nothing costs one index probe, and work falls due at any moment, so a due check waits at most ~1 s.
 */
export const SCHEDULER_INTERVAL_MS = 1_000;

export type InProcessScheduler = {
  /** A payment was just marked paid: run the jobs that act on it now rather than at their next tick. */
  runPaidJobs(): void;
  /** Run one job's next pass now (or right after the current one). */
  runNow(jobId: string): void;
  /** Finishes the runs in progress, then stops. */
  stop(): Promise<void>;
};

/**
 * The driver for a single server (`npm run dev`, `npm start`) when Inngest is not configured: one loop per
 * job, so a Bakong outage never delays webhooks and a slow receiver never delays polling. The jobs claim
 * their rows, so several servers doing this at once is still safe.
 */
export function startInProcessScheduler({
  jobs = JOBS,
  intervalMs,
}: { jobs?: readonly JobDefinition[]; intervalMs?: number } = {}): InProcessScheduler {
  const tickers = jobs.map((job) => ({
    job,
    ticker: startTicker({ name: job.id, intervalMs: intervalMs ?? Math.min(job.everyMs, SCHEDULER_INTERVAL_MS), run: job.run }),
  }));
  return {
    runPaidJobs: () => {
      for (const { job, ticker } of tickers) if (job.runsWhenPaid) ticker.wake();
    },
    runNow: (jobId) => {
      for (const { job, ticker } of tickers) if (job.id === jobId) ticker.wake();
    },
    stop: async () => {
      await Promise.all(tickers.map(({ ticker }) => ticker.stop()));
    },
  };
}
