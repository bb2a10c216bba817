import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { confirmEmailChange, requestEmailChange } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { emailOutbox, users } from "@/lib/db/schema";
import { sendDueEmails } from "@/lib/email";
import { mailText } from "../fakes/smtp-inbox";
import { someClientAddress as address, smtpInboxForThisFile } from "../helpers/mail";
import { createTestMerchant } from "../helpers/merchant";

const smtp = smtpInboxForThisFile();

async function emailOf(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}

describe("change email, confirmed by a link to the new address", () => {
  it("moves the account only when the link sent to the new address is opened, and tells the old address", async () => {
    const merchant = await createTestMerchant();
    const newEmail = `moved-${Date.now()}@example.com`;
    await requestEmailChange(merchant.userId, newEmail, "correct horse battery", address());
    expect(await emailOf(merchant.userId)).toBe(merchant.email);
    await sendDueEmails();
    const mail = await smtp.inbox().waitFor((message) => message.to.includes(newEmail));
    const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(mailText(mail.raw))![1]!;
    expect(await confirmEmailChange(token)).toEqual({ email: newEmail });
    expect(await emailOf(merchant.userId)).toBe(newEmail);
    await sendDueEmails();
    // A Khmer account (the default) is told in Khmer.
    const told = await smtp.inbox().waitFor((message) => message.to.includes(merchant.email));
    expect(mailText(told.raw)).toContain(newEmail);
    expect(mailText(told.raw)).toContain("អ៊ីមែលរបស់អ្នកត្រូវបានប្តូរ");
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("an address another account uses: the same answer, a note to its owner, no link, nothing changed", async () => {
    const merchant = await createTestMerchant();
    const other = await createTestMerchant(undefined, "en");
    await expect(requestEmailChange(merchant.userId, other.email, "correct horse battery", address())).resolves.toBeUndefined();
    await sendDueEmails();
    const note = await smtp.inbox().waitFor((message) => message.to.includes(other.email));
    // Written in the language of the account that owns the address.
    expect(mailText(note.raw)).toContain("Nothing changed");
    expect(mailText(note.raw)).not.toContain("confirm-email");
    expect(await emailOf(merchant.userId)).toBe(merchant.email);
  });

  it("a wrong current password: a field error, nothing queued", async () => {
    const merchant = await createTestMerchant();
    const newEmail = `never-${Date.now()}@example.com`;
    await expect(requestEmailChange(merchant.userId, newEmail, "wrong", address())).rejects.toMatchObject({
      code: "invalid_input",
      field: "currentPassword",
    });
    const db = await getDb();
    const [queued] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.toAddress, newEmail));
    expect(queued!.n).toBe(0);
  });
});
