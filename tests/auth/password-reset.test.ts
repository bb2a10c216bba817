import { count, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestPasswordReset, resetPassword, userOfSession } from "@/lib/auth";
import { authorizeCredentials } from "@/lib/auth/options";
import { AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { getDb } from "@/lib/db";
import { accountTokens, emailOutbox, users } from "@/lib/db/schema";
import { sendDueEmails } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { mailText } from "../fakes/smtp-inbox";
import { someClientAddress as address, smtpInboxForThisFile } from "../helpers/mail";
import { createTestMerchant } from "../helpers/merchant";

const smtp = smtpInboxForThisFile();

// What a used-up, expired or unknown reset link answers, next to the new-password field.
const LINK_REFUSED = {
  code: "invalid_input",
  message: "This link has expired or was already used. Ask for a new one from the log-in page.",
  field: "password",
};

afterEach(() => {
  vi.useRealTimers();
});

async function tokenCount(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(accountTokens).where(eq(accountTokens.userId, userId));
  return row!.n;
}

async function outboxCount(to: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  return row!.n;
}

/** Asks for a reset, sends the outbox through the real SMTP server, and returns the token from the email's link. */
async function tokenFromEmail(email: string): Promise<string> {
  const seen = new Set(smtp.inbox().messages);
  await requestPasswordReset(email, address());
  await sendDueEmails();
  const mail = await smtp
    .inbox()
    .waitFor((message) => !seen.has(message) && message.to.includes(email) && message.raw.includes("reset-password"));
  const link = /https:\/\/pay\.example\.com\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mailText(mail.raw));
  expect(link).not.toBeNull();
  return link![1]!;
}

describe("password reset by email", () => {
  it("emails a single-use link; the new password works, the old one and every earlier session do not", async () => {
    const merchant = await createTestMerchant();
    const token = await tokenFromEmail(merchant.email);
    const db = await getDb();
    const [stored] = await db.select().from(accountTokens).where(eq(accountTokens.userId, merchant.userId));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1_000);

    const session = await resetPassword(token, "my new long passphrase");
    expect(session).toEqual({ id: merchant.userId, email: merchant.email, sessionVersion: 1 });
    expect(await userOfSession(merchant.userId, 0)).toBeNull();
    expect(await authorizeCredentials(merchant.email, "correct horse battery", address())).toBeNull();
    expect(await authorizeCredentials(merchant.email, "my new long passphrase", address())).toMatchObject({ id: merchant.userId });

    const [afterReset] = await db
      .select({ hash: users.passwordHash, version: users.sessionVersion })
      .from(users)
      .where(eq(users.id, merchant.userId));
    const again = await resetPassword(token, "a third passphrase!").catch((error: unknown) => error);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject(LINK_REFUSED);
    const [afterReuse] = await db
      .select({ hash: users.passwordHash, version: users.sessionVersion })
      .from(users)
      .where(eq(users.id, merchant.userId));
    expect(afterReuse).toEqual({ hash: afterReset!.hash, version: 1 });
  });

  it("answers the same for an unknown address, and queues nothing", async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    await expect(requestPasswordReset(unknown, address())).resolves.toBeUndefined();
    expect(await outboxCount(unknown)).toBe(0);
  });

  it("refuses an expired, unknown or other-purpose token and changes nothing", async () => {
    const merchant = await createTestMerchant();
    const token = await tokenFromEmail(merchant.email);
    const db = await getDb();
    await db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.userId, merchant.userId));
    const [before] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, merchant.userId));
    for (const candidate of [token, "not-a-token", ""]) {
      await expect(resetPassword(candidate, "my new long passphrase")).rejects.toMatchObject(LINK_REFUSED);
    }
    const [after] = await db
      .select({ hash: users.passwordHash, version: users.sessionVersion })
      .from(users)
      .where(eq(users.id, merchant.userId));
    expect(after).toEqual({ hash: before!.hash, version: 0 });
  });

  it("a reset voids the other outstanding links", async () => {
    const merchant = await createTestMerchant();
    const first = await tokenFromEmail(merchant.email);
    const second = await tokenFromEmail(merchant.email);
    expect(second).not.toBe(first);
    await resetPassword(second, "my new long passphrase");
    await expect(resetPassword(first, "another passphrase")).rejects.toMatchObject(LINK_REFUSED);
  });

  it("throttles requests for one email from one address with the wait, and queues nothing more", async () => {
    // 1 minute into a 15-minute limit window, so the wait is exactly 14 minutes.
    const windowMs = AUTH_ATTEMPT_LIMITS.perEmailAndIp.windowSeconds * 1000;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.ceil(Date.now() / windowMs) * windowMs + 60_000);

    const merchant = await createTestMerchant();
    const client = `198.51.100.7-${randomUUID()}`;
    for (let request = 0; request < AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit; request++) {
      await requestPasswordReset(merchant.email, client);
    }
    const queued = await outboxCount(merchant.email);
    const tokens = await tokenCount(merchant.userId);
    expect(queued).toBe(AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit);

    const error = await requestPasswordReset(merchant.email, client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "rate_limit_exceeded", message: "Too many attempts. Please wait 14 minutes and try again." });
    expect(await outboxCount(merchant.email)).toBe(queued);
    expect(await tokenCount(merchant.userId)).toBe(tokens);
  });
});
