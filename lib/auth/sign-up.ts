import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { createUser, normalizeEmail } from "@/lib/accounts";
import { appUrl } from "@/lib/config/app-url";
import type { Locale } from "@/lib/config/enums";
import { getDb, type DbOrTx } from "@/lib/db";
import { signUpRequests, users } from "@/lib/db/schema";
import { enqueueEmail, localizedEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { issueApiKey, type IssuedKey } from "@/lib/keys";
import { ACCOUNT_TOKEN_TTL_MS, hashToken, newLinkToken } from "./account-tokens";
import { hashPassword } from "./password";

export type NewAccount = { userId: string; email: string; liveKey: IssuedKey; testKey: IssuedKey };

async function createAccount(tx: DbOrTx, email: string, passwordHash: string, locale?: Locale): Promise<NewAccount> {
  const userId = await createUser(tx, { email, passwordHash, locale });
  const liveKey = await issueApiKey(userId, "live", "Default live key", tx);
  const testKey = await issueApiKey(userId, "test", "Default test key", tx);
  return { userId, email: normalizeEmail(email), liveKey, testKey };
}

/**
 * Creates the account with its first live and test keys in one transaction, for callers that already trust
 * the address (seed script, tests, benchmarks); the keys are returned in full once.
 */
export async function signUp(email: string, password: string, locale?: Locale): Promise<NewAccount> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => createAccount(tx, email, passwordHash, locale));
}

/**
 * The sign-up form: a new address gets a single-use link that creates the account; an address that already
 * has one gets a note telling its owner. Both are queued in one transaction and the answer is the same, and
 * the password is hashed either way so the time taken does not tell them apart. The link's email and the new
 * account speak the sign-up page's language; the note speaks the existing account's.
 */
export async function requestSignUp(email: string, password: string, locale: Locale = "km", now: Date = new Date()): Promise<void> {
  const address = normalizeEmail(email);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, address)).limit(1);
    if (existing) {
      await enqueueEmail(tx, address, localizedEmail(existing.locale, "signUpTaken", { actionUrl: `${appUrl()}/login` }));
      return;
    }
    const token = newLinkToken();
    await tx.insert(signUpRequests).values({
      id: randomUUID(),
      email: address,
      passwordHash,
      tokenHash: hashToken(token),
      locale,
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS),
    });
    await enqueueEmail(tx, address, localizedEmail(locale, "signUpConfirm", { actionUrl: `${appUrl()}/signup/confirm?token=${token}` }));
  });
}

/**
 * Creates the account from a sign-up link: the request is used up in the statement that finds it (unused,
 * unexpired), in the transaction that creates the account, so a link creates at most one account.
 */
export async function completeSignUp(token: string, now: Date = new Date()): Promise<NewAccount> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(signUpRequests)
      .set({ usedAt: now })
      .where(and(eq(signUpRequests.tokenHash, hashToken(token)), isNull(signUpRequests.usedAt), gt(signUpRequests.expiresAt, now)))
      .returning({ email: signUpRequests.email, passwordHash: signUpRequests.passwordHash, locale: signUpRequests.locale });
    if (!request) throw new AppError("invalid_input", "This link has expired or was already used. Sign up again to get a new one.");
    return createAccount(tx, request.email, request.passwordHash, request.locale).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "conflict") {
        throw new AppError("conflict", "This address already has a KHQR Pay account. Log in, or reset your password from the log-in page.");
      }
      throw error;
    });
  });
}
