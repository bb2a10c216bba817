import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { emailOutbox } from "@/lib/db/schema";
import type { EmailContent } from "./template";

/**
 * Queues an email. Call it inside the transaction that makes the change the email tells of: both are
 * written or neither is, and the background pass sends it (with retries) whatever SMTP does meanwhile.
 */
export async function enqueueEmail(tx: DbOrTx, to: string, content: EmailContent, now: Date = new Date()): Promise<string> {
  const id = randomUUID();
  // Due by the same clock the sending pass reads, not the database's (a hair ahead of it, to the microsecond).
  await tx
    .insert(emailOutbox)
    .values({ id, toAddress: to, subject: content.subject, textBody: content.text, htmlBody: content.html, nextAttemptAt: now });
  return id;
}
