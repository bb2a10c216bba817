import { errorFields, log } from "@/lib/log";
import { onPollingRequested, onTransactionPaid } from "@/lib/payments";
import { POLL_JOB_ID } from "./definitions";
import { startInProcessScheduler } from "./in-process-scheduler";
import { inngest, PAYMENT_PAID_EVENT } from "./inngest/client";
import { isInngestConfigured, type InngestEnv } from "./inngest/config";

export type BackgroundJobs = { driver: "inngest" | "in-process"; stop(): Promise<void> };

export type BackgroundJobsOptions = {
  /** Where INNGEST_EVENT_KEY / INNGEST_DEV are read; process.env by default. */
  env?: InngestEnv;
  /** In-process scheduler tick; tests lengthen it to see that a payment wakes delivery at once. */
  intervalMs?: number;
  /** How the process ends after SIGTERM/SIGINT when nothing else (Next.js) handles the signal. */
  exitProcess?: (code: number) => void;
};

// On globalThis, not in module scope: Next dev re-evaluates modules, and this must still happen once per process.
const globalForJobs = globalThis as unknown as { __khqrBackgroundJobs?: BackgroundJobs };

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * Starts payment polling and webhook delivery for this process, once. With Inngest configured the
 * functions at /api/inngest do the work and this only forwards "paid" to Inngest; otherwise an in-process
 * scheduler runs here until SIGTERM/SIGINT.
 */
export function startBackgroundJobs(options: BackgroundJobsOptions = {}): BackgroundJobs {
  const running = globalForJobs.__khqrBackgroundJobs;
  if (running) return running;
  const driver = isInngestConfigured(options.env ?? process.env) ? "inngest" : "in-process";
  const stopDriver = driver === "inngest" ? forwardToInngest() : runInProcess(options);
  let stopping: Promise<void> | undefined;
  let removeSignalHandlers = () => {};
  const jobs: BackgroundJobs = {
    driver,
    stop: () => {
      removeSignalHandlers();
      stopping ??= stopDriver().finally(() => {
        if (globalForJobs.__khqrBackgroundJobs === jobs) globalForJobs.__khqrBackgroundJobs = undefined;
      });
      return stopping;
    },
  };
  globalForJobs.__khqrBackgroundJobs = jobs;
  if (driver === "in-process") removeSignalHandlers = stopOnSignals(jobs, options.exitProcess ?? ((code) => process.exit(code)));
  log("info", "background_jobs_started", { driver });
  return jobs;
}

/** SIGTERM/SIGINT: the current ticks finish, nothing new starts, then the process ends. Returns the unsubscribe. */
function stopOnSignals(jobs: BackgroundJobs, exitProcess: (code: number) => void): () => void {
  const onSignal = (signal: Signal) => {
    log("info", "background_jobs_stopping", { signal });
    void jobs.stop().then(() => {
      // Next.js has its own handler that exits once the HTTP server is closed; alone, we exit as the signal would have.
      if (process.listenerCount(signal) === 0) exitProcess(SIGNAL_EXIT_CODES[signal]);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  };
}

function forwardToInngest(): () => Promise<void> {
  const unsubscribe = onTransactionPaid((row) => {
    inngest.send({ name: PAYMENT_PAID_EVENT, data: { transaction_id: row.id } }).catch((error: unknown) => {
      // The cron runs deliver it within seconds anyway.
      log("warn", "inngest_send_failed", { transaction_id: row.id, ...errorFields(error) });
    });
  });
  return async () => void unsubscribe();
}

function runInProcess({ intervalMs }: BackgroundJobsOptions): () => Promise<void> {
  const scheduler = startInProcessScheduler(intervalMs === undefined ? {} : { intervalMs });
  const unsubscribePaid = onTransactionPaid(() => scheduler.runPaidJobs());
  const unsubscribePolling = onPollingRequested(() => scheduler.runNow(POLL_JOB_ID));
  return async () => {
    unsubscribePaid();
    unsubscribePolling();
    await scheduler.stop();
  };
}
