import { errorFields, log } from "@/lib/log";

export type TickerOptions = {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  run: () => Promise<unknown>;
  /** Longest pause after runs that keep failing (the database is down, say); doubles from intervalMs. */
  maxBackoffMs?: number;
};

export type Ticker = {
  /** Start the next run now (or right after the current one) instead of waiting for the interval. */
  wake(): void;
  /** Lets the current run finish, then ends the loop. */
  stop(): Promise<void>;
};

/**
 * A loop that calls `run` every interval and never overlaps itself: the next run starts only after the
 * previous one finished, however long it took.
 */
export function startTicker({ name, intervalMs, run, maxBackoffMs = 30_000 }: TickerOptions): Ticker {
  let stopping = false;
  let wokenDuringRun = false;
  let interruptPause: (() => void) | null = null;
  let failuresInARow = 0;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      // Never the reason a process stays alive: whoever started the ticker owns the process lifetime.
      timer.unref();
      function done() {
        clearTimeout(timer);
        interruptPause = null;
        resolve();
      }
      interruptPause = done;
    });

  const loop = async () => {
    while (!stopping) {
      wokenDuringRun = false;
      try {
        await run();
        failuresInARow = 0;
      } catch (error) {
        failuresInARow += 1;
        log("error", "background_job_failed", { job: name, failures_in_a_row: failuresInARow, ...errorFields(error) });
      }
      if (stopping || wokenDuringRun) continue;
      await pause(failuresInARow === 0 ? intervalMs : Math.min(intervalMs * 2 ** failuresInARow, maxBackoffMs));
    }
  };
  const finished = loop();

  return {
    wake() {
      if (interruptPause) interruptPause();
      else wokenDuringRun = true;
    },
    async stop() {
      stopping = true;
      interruptPause?.();
      await finished;
    },
  };
}
