import { deliverDueWebhooks } from "../deliver-due-webhooks";
import { pollDueTransactions } from "../poll-due-transactions";
import { inngest, WEBHOOKS_DUE_EVENT } from "./client";

/**
 * Inngest is the clock here, not the queue: what is due lives in the database (next_check_at,
 * next_attempt_at, the outbox rows written with the payment), and each step runs the same claim-then-work
 * function as the in-process scheduler. Cron fires at most once a minute, so each run ticks several times
 * with step.sleep in between; `singleton: skip` drops a run that would overlap a slow previous one.
 */

/** 15 passes 3 s apart: the first-minutes cadence of a pending QR, inside one cron minute. */
export const POLL_PASSES_PER_RUN = 15;
/** 10 passes 5 s apart: retries (first one after 30 s) and any delivery whose event was lost. */
export const DELIVERY_PASSES_PER_RUN = 10;

export const pollBakongFunction = inngest.createFunction(
  { id: "poll-bakong", name: "Poll Bakong for pending payments", triggers: [{ cron: "* * * * *" }], singleton: { mode: "skip" } },
  async ({ step }) => {
    const passes = [];
    for (let pass = 0; pass < POLL_PASSES_PER_RUN; pass++) {
      if (pass > 0) await step.sleep(`poll-pause-${pass}`, "3s");
      passes.push(await step.run(`poll-${pass}`, () => pollDueTransactions()));
    }
    return passes;
  },
);

export const sweepWebhooksFunction = inngest.createFunction(
  { id: "sweep-webhooks", name: "Deliver due webhooks", triggers: [{ cron: "* * * * *" }], singleton: { mode: "skip" } },
  async ({ step }) => {
    const passes = [];
    for (let pass = 0; pass < DELIVERY_PASSES_PER_RUN; pass++) {
      if (pass > 0) await step.sleep(`deliver-pause-${pass}`, "5s");
      passes.push(await step.run(`deliver-${pass}`, () => deliverDueWebhooks()));
    }
    return passes;
  },
);

/** A payment was just marked paid somewhere: deliver now. Claims make it safe next to the sweep. */
export const deliverWebhooksNowFunction = inngest.createFunction(
  { id: "deliver-webhooks-now", name: "Deliver webhooks of a new payment", triggers: [{ event: WEBHOOKS_DUE_EVENT }] },
  async ({ step }) => step.run("deliver", () => deliverDueWebhooks()),
);

export const inngestFunctions = [pollBakongFunction, sweepWebhooksFunction, deliverWebhooksNowFunction];
