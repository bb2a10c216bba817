import { randomBytes, randomUUID } from "node:crypto";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeSignUp, requestSignUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db";
import { emailOutbox, signUpRequests, users } from "@/lib/db/schema";
import { localizedEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { issueApiKey } from "@/lib/keys";
import { TEST_APP_URL } from "../helpers/mail";
import { createTestMerchant } from "../helpers/merchant";

// Issuing keys behaves as it really does, unless a test makes one call fail: nothing in the app makes it
// fail with an AppError today, and a test must show such an error is not reworded as "already has an account".
vi.mock("@/lib/keys", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/keys")>();
  return { ...actual, issueApiKey: vi.fn(actual.issueApiKey) };
});

const PASSWORD = "a long sign-up passphrase";
const LINK_GONE = "This link has expired or was already used. Sign up again to get a new one.";
const newAddress = () => `new-${randomUUID()}@example.com`;

beforeAll(() => {
  process.env.APP_URL = TEST_APP_URL;
});
afterAll(() => {
  delete process.env.APP_URL;
});

/** The emails queued to an address, oldest first, as written to the outbox. */
async function outboxTo(address: string) {
  const db = await getDb();
  return db
    .select({ subject: emailOutbox.subject, text: emailOutbox.textBody, html: emailOutbox.htmlBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt));
}

async function usersWithEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
  return row!.n;
}

async function requestsFor(email: string) {
  const db = await getDb();
  return db
    .select({ usedAt: signUpRequests.usedAt })
    .from(signUpRequests)
    .where(eq(signUpRequests.email, email))
    .orderBy(asc(signUpRequests.createdAt));
}

/** Asks for a sign-up and returns the token of the newest link queued to the address. */
async function requestLink(email: string, password = PASSWORD): Promise<string> {
  await requestSignUp(email, password, "en");
  const queued = await outboxTo(email);
  const link = new RegExp(`^Create my account: ${TEST_APP_URL.replaceAll(".", "\\.")}/signup/confirm\\?token=([A-Za-z0-9_-]+)$`, "m").exec(
    queued.at(-1)!.text,
  );
  expect(link).not.toBeNull();
  return link![1]!;
}

/** What a call was rejected with (a resolved call fails the test). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to be rejected"),
    (reason: unknown) => reason,
  );
}

async function refusal(promise: Promise<unknown>) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  const { code, message, field } = error as AppError;
  return { code, message, field };
}

describe("signing up with an address that already has an account", () => {
  it("the owner gets the note in the account's language (not the page's), with the log-in link; nothing is created", async () => {
    const owner = await createTestMerchant(null, "km");
    await expect(requestSignUp(owner.email.toUpperCase(), "an intruder's passphrase", "en")).resolves.toBeUndefined();
    const notes = await outboxTo(owner.email);
    expect(notes).toEqual([localizedEmail("km", "signUpTaken", { actionUrl: `${TEST_APP_URL}/login` })]);
    expect(notes[0]!.text).toContain(`ចូលគណនី: ${TEST_APP_URL}/login\n`);
    expect(await requestsFor(owner.email)).toEqual([]);
    expect(await usersWithEmail(owner.email)).toBe(1);
  });
});

describe("completing a sign-up from its link", () => {
  it("an expired, used or unknown link: refused with the message saying to sign up again, and nothing is created", async () => {
    const expiredEmail = newAddress();
    const expired = await requestLink(expiredEmail);
    const db = await getDb();
    await db
      .update(signUpRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signUpRequests.email, expiredEmail));
    for (const token of [expired, "not-a-token", ""]) {
      expect(await refusal(completeSignUp(token))).toEqual({ code: "invalid_input", message: LINK_GONE, field: undefined });
    }
    expect(await usersWithEmail(expiredEmail)).toBe(0);

    const usedEmail = newAddress();
    const used = await requestLink(usedEmail);
    const account = await completeSignUp(used);
    expect(await refusal(completeSignUp(used))).toEqual({ code: "invalid_input", message: LINK_GONE, field: undefined });
    expect(await usersWithEmail(usedEmail)).toBe(1);
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, usedEmail));
    expect(row!.id).toBe(account.userId);
  });

  it("the address got an account meanwhile: conflict saying to log in or reset, and nothing is created", async () => {
    const email = newAddress();
    const first = await requestLink(email);
    const second = await requestLink(email, "another long passphrase");
    const account = await completeSignUp(second);

    expect(await refusal(completeSignUp(first))).toEqual({
      code: "conflict",
      message: "This address already has a KHQR Pay account. Log in, or reset your password from the log-in page.",
      field: undefined,
    });
    expect(await usersWithEmail(email)).toBe(1);
    const db = await getDb();
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(row!.id).toBe(account.userId);
    // Only the link that created the account is used up; the refused one was rolled back with everything else.
    expect((await requestsFor(email)).map((request) => request.usedAt === null)).toEqual([true, false]);
  });

  it("another failure while creating the account (here an address too long for the accounts index) passes through as it is", async () => {
    // Incompressible, so the unique index on users.email cannot hold it; sign-up requests have no such index.
    const email = `${randomBytes(6000).toString("hex")}@example.com`;
    const token = await requestLink(email);
    const error = await rejection(completeSignUp(token));
    expect(error).not.toBeInstanceOf(AppError);
    // PostgreSQL's program_limit_exceeded ("index row requires … bytes" / "index row size … exceeds …"), under the ORM's wrapper.
    expect((error as Error).cause).toMatchObject({ code: "54000", message: expect.stringMatching(/^index row /) });
    expect(await usersWithEmail(email)).toBe(0);
    expect(await requestsFor(email)).toEqual([{ usedAt: null }]);
  });

  it("an AppError other than the address being taken passes through unchanged", async () => {
    const email = newAddress();
    const token = await requestLink(email);
    const failure = new AppError("internal_error", "Keys could not be issued.");
    vi.mocked(issueApiKey).mockRejectedValueOnce(failure);
    expect(await rejection(completeSignUp(token))).toBe(failure);
    expect(await usersWithEmail(email)).toBe(0);
    expect(await requestsFor(email)).toEqual([{ usedAt: null }]);
  });
});
