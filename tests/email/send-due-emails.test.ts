import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { emailOutbox } from "@/lib/db/schema";
import { devMailbox, EMAIL_MAX_ATTEMPTS, enqueueEmail, renderEmail, sendDueEmails } from "@/lib/email";
import { mailText, startSmtpInbox } from "../fakes/smtp-inbox";

let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
});

const content = (subject: string) =>
  renderEmail({
    subject,
    heading: "Hello <there>",
    paragraphs: ["A & B"],
    action: { label: "Open", url: "https://pay.example.com/x?a=1&b=2" },
    footer: "Footer",
  });

async function rowOf(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

describe("the email template", () => {
  it("makes plain text and escaped HTML from the same parts", () => {
    const { text, html } = content("Subject");
    expect(text).toContain("Hello <there>");
    expect(text).toContain("Open: https://pay.example.com/x?a=1&b=2");
    expect(html).toContain("Hello &lt;there&gt;");
    expect(html).toContain('href="https://pay.example.com/x?a=1&amp;b=2"');
    expect(html).not.toContain("<there>");
  });
});

describe("the email outbox", () => {
  it("sends a queued message through SMTP once and marks it sent", async () => {
    const db = await getDb();
    const id = await enqueueEmail(db, "owner@example.com", content("Delivered once"));
    await sendDueEmails();
    const mail = await inbox.waitFor((message) => message.raw.includes("Delivered once"));
    expect(mail.to).toEqual(["owner@example.com"]);
    expect(mailText(mail.raw)).toContain("https://pay.example.com/x?a=1&b=2");
    expect(await rowOf(id)).toMatchObject({ status: "sent", attemptCount: 1 });
    await sendDueEmails();
    expect(inbox.messages.filter((message) => message.raw.includes("Delivered once"))).toHaveLength(1);
  });

  it("keeps a message through an SMTP outage and sends it on a later pass; gives up after the last attempt", async () => {
    const db = await getDb();
    const id = await enqueueEmail(db, "owner@example.com", content("Survives an outage"));
    inbox.setFailing(true);
    const start = Date.now();
    await sendDueEmails(new Date(start));
    expect(await rowOf(id)).toMatchObject({ status: "pending", attemptCount: 1 });
    expect((await rowOf(id)).lastError).toMatch(/451|mailbox unavailable/);
    await sendDueEmails(new Date(start + 1_000));
    expect((await rowOf(id)).attemptCount).toBe(1);
    inbox.setFailing(false);
    await sendDueEmails(new Date(start + 31_000));
    expect(await rowOf(id)).toMatchObject({ status: "sent", attemptCount: 2 });

    const doomed = await enqueueEmail(db, "owner@example.com", content("Never delivered"));
    inbox.setFailing(true);
    let clock = Date.now();
    for (let attempt = 0; attempt < EMAIL_MAX_ATTEMPTS; attempt++) {
      await sendDueEmails(new Date(clock));
      clock += 7 * 60 * 60 * 1000;
    }
    inbox.setFailing(false);
    expect(await rowOf(doomed)).toMatchObject({ status: "failed", attemptCount: EMAIL_MAX_ATTEMPTS });
  });
});

describe("without SMTP_URL in development", () => {
  it("writes each message to the log and shows it in the dev mailbox", async () => {
    const smtp = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const db = await getDb();
      const id = await enqueueEmail(db, "dev@example.com", content("Shown in the dev mailbox"));
      await sendDueEmails();
      expect(await rowOf(id)).toMatchObject({ status: "sent" });
      expect(inbox.messages.some((message) => message.raw.includes("Shown in the dev mailbox"))).toBe(false);
      const [newest] = await devMailbox(1);
      expect(newest).toMatchObject({ to: "dev@example.com", subject: "Shown in the dev mailbox" });
      expect(newest!.text).toContain("Open: https://pay.example.com/x?a=1&b=2");
    } finally {
      process.env.SMTP_URL = smtp;
    }
  });
});
