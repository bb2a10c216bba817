import { eq } from "drizzle-orm";
import { createTransport, type Transporter } from "nodemailer";
import { claimDueOutboxRows, getDb } from "@/lib/db";
import { emailOutbox, type EmailOutboxRow } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { emailFrom, smtpUrl, writesMailToLog } from "./config";

/** After a failed attempt n (1-based), the next is this far away; past the last one the message is failed. */
const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
export const EMAIL_MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claimed message is not claimed again for this long, so a crashed sender's messages are retried. */
const SEND_LEASE_MS = 2 * 60_000;
const BATCH = 20;

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: createTransport(url) };
  return transport.transporter;
}

const claimDue = (now: Date): Promise<EmailOutboxRow[]> => claimDueOutboxRows(emailOutbox, { now, leaseMs: SEND_LEASE_MS, limit: BATCH });

async function deliver(message: EmailOutboxRow): Promise<void> {
  if (writesMailToLog()) {
    log("info", "email_written_to_log", { to: message.toAddress, subject: message.subject, text: message.textBody });
    return;
  }
  const url = smtpUrl();
  if (!url) throw new Error("SMTP_URL is not set: production sends email only through SMTP");
  await transporter(url).sendMail({
    from: emailFrom(),
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
  });
}

/**
 * One pass of the email outbox: claims due messages (a lease, so several instances never send one twice
 * at once), sends each, and records the outcome; a failure is retried with backoff, EMAIL_MAX_ATTEMPTS in all.
 */
export async function sendDueEmails(now: Date = new Date()): Promise<{ sent: number; failed: number; retrying: number }> {
  const claimed = await claimDue(now);
  const db = await getDb();
  const summary = { sent: 0, failed: 0, retrying: 0 };
  for (const message of claimed) {
    try {
      await deliver(message);
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null })
        .where(eq(emailOutbox.id, message.id));
      log("info", "email_sent", { email_id: message.id, subject: message.subject, attempt: message.attemptCount });
      summary.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const delay = RETRY_DELAYS_MS[message.attemptCount - 1];
      const failed = delay === undefined;
      await db
        .update(emailOutbox)
        .set({
          status: failed ? "failed" : "pending",
          nextAttemptAt: failed ? null : new Date(now.getTime() + delay),
          lockedUntil: null,
          lastError: reason.slice(0, 500),
        })
        .where(eq(emailOutbox.id, message.id));
      log(failed ? "error" : "warn", "email_send_failed", {
        email_id: message.id,
        attempt: message.attemptCount,
        gives_up: failed,
        error_message: reason,
      });
      if (failed) summary.failed += 1;
      else summary.retrying += 1;
    }
  }
  return summary;
}
