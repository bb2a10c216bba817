import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth";
import { confirmEmailChange, requestEmailChange } from "@/lib/auth/email-change";
import { AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { getDb } from "@/lib/db";
import { accountTokens, emailOutbox, users } from "@/lib/db/schema";
import { localizedEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { someClientAddress as ip, TEST_APP_URL } from "../helpers/mail";
import { createTestMerchant } from "../helpers/merchant";

const PASSWORD = "correct horse battery";
const LINK_GONE = "This link has expired or was already used. Ask for a new one in Settings.";
const newAddress = () => `moved-${randomUUID()}@example.com`;

beforeAll(() => {
  process.env.APP_URL = TEST_APP_URL;
});
afterAll(() => {
  delete process.env.APP_URL;
});
afterEach(() => {
  vi.useRealTimers();
});

/** The AppError a call was refused with, as the user sees it (anything else fails the test). */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.fail("expected the call to be refused"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, message, field } = error as AppError;
  return { code, message, field };
}

/** The emails queued to an address, oldest first, as written to the outbox. */
async function outboxTo(address: string) {
  const db = await getDb();
  const rows = await db
    .select({ subject: emailOutbox.subject, text: emailOutbox.textBody, html: emailOutbox.htmlBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt));
  return rows;
}

async function emailChangeTokensOf(userId: string) {
  const db = await getDb();
  return db
    .select({ tokenHash: accountTokens.tokenHash, newEmail: accountTokens.newEmail, usedAt: accountTokens.usedAt })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, "email_change")))
    .orderBy(asc(accountTokens.createdAt));
}

async function emailOf(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
}

/** Asks for a change to `to` and returns the token of the link queued to it. */
async function requestLink(userId: string, to: string): Promise<string> {
  await requestEmailChange(userId, to, PASSWORD, ip());
  const [mail] = await outboxTo(to);
  // The action line: "<label in the account's language>: <link>".
  const link = new RegExp(`^.+: ${TEST_APP_URL.replaceAll(".", "\\.")}/confirm-email\\?token=([A-Za-z0-9_-]+)$`, "m").exec(mail!.text);
  expect(link).not.toBeNull();
  return link![1]!;
}

describe("asking to change the email address", () => {
  it("queues the link to the new address in the account's language, naming the address, with a one-time token", async () => {
    const merchant = await createTestMerchant(null, "en");
    const to = newAddress();
    await expect(requestEmailChange(merchant.userId, `  ${to.toUpperCase()} `, PASSWORD, ip())).resolves.toBeUndefined();

    const [stored] = await emailChangeTokensOf(merchant.userId);
    const queued = await outboxTo(to);
    const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(queued[0]!.text)![1]!;
    expect(queued).toEqual([
      localizedEmail("en", "confirmChange", { values: { email: to }, actionUrl: `${TEST_APP_URL}/confirm-email?token=${token}` }),
    ]);
    expect(queued[0]!.text).toContain(`Open the link to make ${to} the address of your KHQR Pay account.`);
    expect(stored).toEqual({ tokenHash: createHash("sha256").update(token).digest("hex"), newEmail: to, usedAt: null });
    expect(await emailOf(merchant.userId)).toBe(merchant.email);
  });

  it("an account that no longer exists: not_found, and nothing is issued or queued", async () => {
    const gone = randomUUID();
    const to = newAddress();
    expect(await refusal(requestEmailChange(gone, to, PASSWORD, ip()))).toEqual({
      code: "not_found",
      message: "This account no longer exists.",
      field: undefined,
    });
    expect(await outboxTo(to)).toEqual([]);
    expect(await emailChangeTokensOf(gone)).toEqual([]);
  });

  it("a wrong current password: a field error on currentPassword, and nothing is issued or queued", async () => {
    const merchant = await createTestMerchant();
    const to = newAddress();
    expect(await refusal(requestEmailChange(merchant.userId, to, "not my password", ip()))).toEqual({
      code: "invalid_input",
      message: "That is not your current password.",
      field: "currentPassword",
    });
    expect(await outboxTo(to)).toEqual([]);
    expect(await emailChangeTokensOf(merchant.userId)).toEqual([]);
    expect(await emailOf(merchant.userId)).toBe(merchant.email);
  });

  it("the address the account already has (any case or spacing): a field error on newEmail, and no note to itself", async () => {
    const merchant = await createTestMerchant();
    expect(await refusal(requestEmailChange(merchant.userId, ` ${merchant.email.toUpperCase()}  `, PASSWORD, ip()))).toEqual({
      code: "invalid_input",
      message: "That is already your email address.",
      field: "newEmail",
    });
    expect(await outboxTo(merchant.email)).toEqual([]);
    expect(await emailChangeTokensOf(merchant.userId)).toEqual([]);
  });

  it("too many attempts from one address: refused with the wait until the limit's window ends, even with the right password", async () => {
    const merchant = await createTestMerchant();
    const to = newAddress();
    const attacker = `198.51.100.${Math.floor(Math.random() * 250)}`;
    // Ten minutes before the end of a 15-minute window of the limit on one email from one address.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:05:00.000Z") });
    for (let attempt = 0; attempt < AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit; attempt++) {
      await expect(requestEmailChange(merchant.userId, to, "a guess", attacker)).rejects.toMatchObject({ field: "currentPassword" });
    }
    expect(await refusal(requestEmailChange(merchant.userId, to, PASSWORD, attacker))).toEqual({
      code: "rate_limit_exceeded",
      message: "Too many attempts. Please wait 10 minutes and try again.",
      field: undefined,
    });
    vi.useRealTimers();
    expect(await outboxTo(to)).toEqual([]);
    expect(await emailChangeTokensOf(merchant.userId)).toEqual([]);
  });

  it("an address another account uses: the same answer, a note to that account in its own language, no link", async () => {
    const requester = await createTestMerchant(null, "en");
    const owner = await createTestMerchant(null, "km");
    await expect(requestEmailChange(requester.userId, owner.email, PASSWORD, ip())).resolves.toBeUndefined();
    const notes = await outboxTo(owner.email);
    expect(notes).toEqual([localizedEmail("km", "addressTaken")]);
    expect(notes[0]!.text).toContain("គ្មានអ្វីផ្លាស់ប្តូរទេ");
    expect(await emailChangeTokensOf(requester.userId)).toEqual([]);
    expect(await outboxTo(requester.email)).toEqual([]);
    expect(await emailOf(requester.userId)).toBe(requester.email);
    expect(await emailOf(owner.userId)).toBe(owner.email);
  });
});

describe("confirming an email change from its link", () => {
  it("moves the account, voids its other change links, and tells the old address in the account's language", async () => {
    const merchant = await createTestMerchant(null, "en");
    const first = newAddress();
    const second = newAddress();
    const firstToken = await requestLink(merchant.userId, first);
    const secondToken = await requestLink(merchant.userId, second);

    expect(await confirmEmailChange(secondToken)).toEqual({ email: second });
    expect(await emailOf(merchant.userId)).toBe(second);
    expect(await outboxTo(merchant.email)).toEqual([localizedEmail("en", "changed", { values: { email: second } })]);
    const tokens = await emailChangeTokensOf(merchant.userId);
    expect(tokens.map((token) => token.usedAt)).toEqual([expect.any(Date), expect.any(Date)]);

    // The older link, to an address the account did not choose in the end, no longer moves it.
    expect(await refusal(confirmEmailChange(firstToken))).toEqual({ code: "invalid_input", message: LINK_GONE, field: undefined });
    expect(await emailOf(merchant.userId)).toBe(second);
    expect(await outboxTo(second)).toHaveLength(1);
  });

  it("an expired, used or unknown link: refused with the same message, and nothing changes or is queued", async () => {
    const merchant = await createTestMerchant();
    const expiredTo = newAddress();
    const expired = await requestLink(merchant.userId, expiredTo);
    const db = await getDb();
    await db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.newEmail, expiredTo));
    for (const token of [expired, "not-a-token", ""]) {
      expect(await refusal(confirmEmailChange(token))).toEqual({ code: "invalid_input", message: LINK_GONE, field: undefined });
    }
    expect(await emailOf(merchant.userId)).toBe(merchant.email);
    expect(await outboxTo(merchant.email)).toEqual([]);

    const usedTo = newAddress();
    const used = await requestLink(merchant.userId, usedTo);
    await confirmEmailChange(used);
    expect(await refusal(confirmEmailChange(used))).toEqual({ code: "invalid_input", message: LINK_GONE, field: undefined });
    expect(await emailOf(merchant.userId)).toBe(usedTo);
    expect(await outboxTo(merchant.email)).toHaveLength(1);
  });

  it("the address was registered by another account meanwhile: conflict, and nothing changes (the link stays unused)", async () => {
    const merchant = await createTestMerchant();
    const to = newAddress();
    const token = await requestLink(merchant.userId, to);
    const other = await signUp(to, "another long passphrase");

    expect(await refusal(confirmEmailChange(token))).toEqual({
      code: "conflict",
      message: "Another account started using this address meanwhile; nothing changed.",
      field: undefined,
    });
    expect(await emailOf(merchant.userId)).toBe(merchant.email);
    expect(await emailOf(other.userId)).toBe(to);
    expect(await outboxTo(merchant.email)).toEqual([]);
    expect(await emailChangeTokensOf(merchant.userId)).toEqual([expect.objectContaining({ newEmail: to, usedAt: null })]);
  });
});
