import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSignUp, requestSignUp } from "@/lib/auth";
import { authorizeCredentials } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { apiKeys, signUpRequests, users } from "@/lib/db/schema";
import { someClientAddress as address, smtpInboxForThisFile } from "../helpers/mail";
import { createTestMerchant } from "../helpers/merchant";

const { emailTo } = smtpInboxForThisFile();
const PASSWORD = "a long sign-up passphrase";
const newEmail = () => `new-${crypto.randomUUID()}@example.com`;

async function usersWithEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
  return row!.n;
}

function tokenIn(text: string): string {
  const link = /https:\/\/pay\.example\.com\/signup\/confirm\?token=([A-Za-z0-9_-]+)/.exec(text);
  expect(link).not.toBeNull();
  return link![1]!;
}

describe("sign-up confirmed by email", () => {
  it("creates nothing until the emailed link is used, then the account with both keys and the chosen password", async () => {
    const email = newEmail();
    await requestSignUp(email, PASSWORD, "en");
    expect(await usersWithEmail(email)).toBe(0);
    const text = await emailTo(email);
    expect(text).toContain("Finish creating your KHQR Pay account");
    const token = tokenIn(text);
    const db = await getDb();
    const [stored] = await db.select().from(signUpRequests).where(eq(signUpRequests.email, email));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.passwordHash).not.toContain(PASSWORD);

    const account = await completeSignUp(token);
    expect(account.email).toBe(email);
    expect(account.liveKey.key).toMatch(/^khqr_live_/);
    expect(account.testKey.key).toMatch(/^khqr_test_/);
    const keys = await db.select({ mode: apiKeys.mode }).from(apiKeys).where(eq(apiKeys.userId, account.userId));
    expect(keys.map((key) => key.mode).sort()).toEqual(["live", "test"]);
    expect(await authorizeCredentials(email, PASSWORD, address())).toMatchObject({ id: account.userId });
    const [created] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, account.userId));
    expect(created!.locale).toBe("en");
  });

  it("signed up on a Khmer page: the link's email is in Khmer and so is the account", async () => {
    const email = newEmail();
    await requestSignUp(email, PASSWORD, "km");
    const text = await emailTo(email);
    expect(text).toContain("ដើម្បីបញ្ជាក់អ៊ីមែលនេះ និងបង្កើតគណនី KHQR Pay");
    const account = await completeSignUp(tokenIn(text));
    const db = await getDb();
    const [created] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, account.userId));
    expect(created!.locale).toBe("km");
  });

  it("a link creates one account: used again, or twice at once, the other attempt is refused", async () => {
    const email = newEmail();
    await requestSignUp(email, PASSWORD);
    const token = tokenIn(await emailTo(email));
    const results = await Promise.allSettled([completeSignUp(token), completeSignUp(token)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "invalid_input" } });
    await expect(completeSignUp(token)).rejects.toMatchObject({ code: "invalid_input" });
    expect(await usersWithEmail(email)).toBe(1);
  });

  it("an address with an account gets the same answer, its owner a note in the account's language, and its password stays", async () => {
    const merchant = await createTestMerchant(undefined, "en");
    const db = await getDb();
    const [before] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, merchant.userId));
    await expect(requestSignUp(merchant.email, "an intruder's passphrase")).resolves.toBeUndefined();
    const note = await emailTo(merchant.email);
    expect(note).toContain("It already belongs to your account");
    expect(note).not.toContain("/signup/confirm");
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.email, merchant.email))).toEqual([]);
    const [after] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, merchant.userId));
    expect(after!.hash).toBe(before!.hash);
    expect(await authorizeCredentials(merchant.email, "an intruder's passphrase", address())).toBeNull();
  });

  it("two pending sign-ups for one address: the second link used finds the account taken and creates nothing", async () => {
    const email = newEmail();
    await requestSignUp(email, PASSWORD);
    const first = tokenIn(await emailTo(email));
    await requestSignUp(email, "another long passphrase");
    const second = tokenIn(await emailTo(email));
    await completeSignUp(second);
    await expect(completeSignUp(first)).rejects.toMatchObject({ code: "conflict" });
    expect(await usersWithEmail(email)).toBe(1);
    expect(await authorizeCredentials(email, "another long passphrase", address())).not.toBeNull();
  });

  it("refuses an expired or unknown link and creates nothing", async () => {
    const email = newEmail();
    await requestSignUp(email, PASSWORD);
    const token = tokenIn(await emailTo(email));
    const db = await getDb();
    await db
      .update(signUpRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signUpRequests.email, email));
    for (const candidate of [token, "not-a-token", ""]) {
      await expect(completeSignUp(candidate)).rejects.toMatchObject({ code: "invalid_input" });
    }
    expect(await usersWithEmail(email)).toBe(0);
  });
});
