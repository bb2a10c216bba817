import { afterAll, beforeAll } from "vitest";
import { sendDueEmails } from "@/lib/email";
import { mailText, startSmtpInbox, type SmtpInbox } from "../fakes/smtp-inbox";

/** The public URL the links in these tests' emails start with. */
export const TEST_APP_URL = "https://pay.example.com";

/** A real SMTP server for this test file, with the app sending to it and building links on TEST_APP_URL. */
export function smtpInboxForThisFile(): { inbox: () => SmtpInbox; emailTo: (address: string) => Promise<string> } {
  let inbox: SmtpInbox | undefined;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    process.env.APP_URL = TEST_APP_URL;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.APP_URL;
    await inbox?.close();
  });
  const current = () => {
    if (!inbox) throw new Error("the SMTP inbox starts in beforeAll");
    return inbox;
  };
  return {
    inbox: current,
    /** Sends the outbox through the SMTP server and returns the newest email to this address, as text. */
    async emailTo(address) {
      const seen = new Set(current().messages);
      await sendDueEmails();
      return mailText((await current().waitFor((message) => !seen.has(message) && message.to.includes(address))).raw);
    },
  };
}

/** A client address for the per-address limits, different enough between calls not to trip them. */
export const someClientAddress = () => `192.0.2.${Math.floor(Math.random() * 250)}`;
