/** Transactional email: one template helper, the outbox (written in the caller's transaction), the sending pass, the dev mailbox. */
export { renderEmail, type EmailContent } from "./template";
export { localizedEmail, type EmailKind } from "./localized";
export { enqueueEmail } from "./outbox";
export { sendDueEmails, EMAIL_MAX_ATTEMPTS } from "./send-due-emails";
export { devMailbox } from "./mailbox";
export { devMailboxEnabled } from "./config";
