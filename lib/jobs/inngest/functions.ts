import { JOBS, type JobDefinition } from "../definitions";
import { inngest, PAYMENT_PAID_EVENT } from "./client";

/**
 * Inngest is the clock here, not the queue: each job's pass claims what is due in the database. Cron fires
 * at most once a minute, so each run makes a pass every `everyMs` for this long, with step.sleep between;
 * `singleton: skip` drops a run that would overlap a slow previous one.
 */
const CRON_RUN_SPAN_MS = 45_000;

export function passesPerCronRun(job: JobDefinition): number {
  return Math.max(1, Math.floor(CRON_RUN_SPAN_MS / job.everyMs));
}

function cronFunction(job: JobDefinition) {
  const passes = passesPerCronRun(job);
  return inngest.createFunction(
    { id: job.id, name: job.name, triggers: [{ cron: "* * * * *" }], singleton: { mode: "skip" } },
    async ({ step }) => {
      const results = [];
      for (let pass = 0; pass < passes; pass++) {
        if (pass > 0) await step.sleep(`${job.id}-pause-${pass}`, `${job.everyMs / 1000}s`);
        results.push(await step.run(`${job.id}-${pass}`, job.run));
      }
      return results;
    },
  );
}

/** A payment was just marked paid somewhere: one pass now. Claims make it safe next to the cron runs. */
function paidFunction(job: JobDefinition) {
  return inngest.createFunction(
    { id: `${job.id}-now`, name: `${job.name} (payment just made)`, triggers: [{ event: PAYMENT_PAID_EVENT }] },
    async ({ step }) => step.run(job.id, job.run),
  );
}

export const inngestFunctions = JOBS.flatMap((job) => (job.runsWhenPaid ? [cronFunction(job), paidFunction(job)] : [cronFunction(job)]));
