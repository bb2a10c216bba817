/** The SMTP server mail goes through, e.g. smtp://user:pass@host:587 or smtps://user:pass@host:465. */
export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM?.trim() || "KHQR Pay <no-reply@khqr.local>";
}

/**
 * Without SMTP_URL outside production, a message is "sent" by writing it to the log; the dev mailbox page
 * (/dev/mailbox) shows it from the outbox. Production without SMTP_URL keeps retrying and logs why.
 */
export function writesMailToLog(): boolean {
  return smtpUrl() === null && process.env.NODE_ENV !== "production";
}

export function devMailboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production";
}
