/**
 * A second, separate app instance for the concurrency test: runs the in-process webhook sender (no polling)
 * against DATABASE_URL for SENDER_RUN_MS (after printing "ready"), then stops cleanly and prints how many
 * attempts it sent.
 */
import { closeDb, getDb } from "@/lib/db";
import { startInProcessScheduler } from "@/lib/jobs";
import { deliverDueWebhooks } from "@/lib/webhooks";

const runMs = Number(process.env.SENDER_RUN_MS ?? 3_000);
await getDb();
console.log("ready");
let sent = 0;
const scheduler = startInProcessScheduler({
  intervalMs: 5,
  jobs: [
    {
      id: "deliver-webhooks",
      name: "deliver",
      everyMs: 5,
      runsWhenPaid: true,
      run: async () => {
        const summary = await deliverDueWebhooks({ limit: 10 });
        sent += summary.claimed;
      },
    },
  ],
});
await new Promise((resolve) => setTimeout(resolve, runMs));
await scheduler.stop();
await closeDb();
console.log(JSON.stringify({ sent }));
