import { pruneExpiredAuthLinks } from "@/lib/auth";
import { sendDueEmails } from "@/lib/email";
import { pruneExpiredConnectCodes, receiveTelegramUpdates, sendDueTelegramAlerts, sendDueTelegramReplies } from "@/lib/notifications";
import { pollDueTransactions } from "@/lib/payments";
import { deliverDueWebhooks } from "@/lib/webhooks";

/**
 * A background job as both drivers (in-process and Inngest) read it. The work lives in the database
 * (`transactions.next_check_at`, `webhook_deliveries.next_attempt_at`); a job's `run` is one pass that
 * claims what is due and does it, safe to run on any number of instances at once. A driver is only the clock.
 */
export type JobDefinition = {
  /** Stable id: the Inngest function id and the in-process ticker's name in logs. */
  id: string;
  name: string;
  /** How far apart passes should be when nothing wakes the job. */
  everyMs: number;
  /** Also run a pass as soon as a payment is marked paid (its webhooks are due at once). */
  runsWhenPaid: boolean;
  run: () => Promise<unknown>;
};

/** The polling job, which a waiting client check may start early. */
export const POLL_JOB_ID = "poll-bakong";

export const JOBS: readonly JobDefinition[] = [
  // 3 s is the first-minutes cadence of a pending QR (lib/payments/poll-schedule.ts).
  { id: POLL_JOB_ID, name: "Poll Bakong for pending payments", everyMs: 3_000, runsWhenPaid: false, run: () => pollDueTransactions() },
  // Retries (the first after 30 s) and any delivery whose wake-up was lost; new payments wake it directly.
  { id: "deliver-webhooks", name: "Deliver due webhooks", everyMs: 5_000, runsWhenPaid: true, run: () => deliverDueWebhooks() },
  // Password-reset and account emails: queued in the transaction that asked for them, sent (and retried) here.
  { id: "send-emails", name: "Send queued emails", everyMs: 2_000, runsWhenPaid: true, run: () => sendDueEmails() },
  // Payment alerts to Telegram chats (written with the paid transition, so a payment wakes it at once) and the
  // bot's replies to /start (written with the connection).
  {
    id: "send-telegram-messages",
    name: "Send Telegram alerts and replies",
    everyMs: 2_000,
    runsWhenPaid: true,
    run: async () => ({ replies: await sendDueTelegramReplies(), alerts: await sendDueTelegramAlerts() }),
  },
  // Connection handshakes (/start <code>): getUpdates long polling, or setting the webhook once on a public https URL.
  {
    id: "receive-telegram-updates",
    name: "Receive Telegram updates",
    everyMs: 1_000,
    runsWhenPaid: false,
    run: () => receiveTelegramUpdates(),
  },
  // Expired single-use links and codes (sign-up requests hold a password hash): deleted a day after expiry.
  {
    id: "prune-expired-links",
    name: "Delete expired sign-up, account and Telegram links",
    everyMs: 60 * 60_000,
    runsWhenPaid: false,
    run: async () => ({ ...(await pruneExpiredAuthLinks()), connectCodes: await pruneExpiredConnectCodes() }),
  },
];
