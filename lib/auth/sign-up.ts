import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { createUser, normalizeEmail } from "@/lib/accounts";
import { appUrl } from "@/lib/config/app-url";
import { getDb, type DbOrTx } from "@/lib/db";
import { signUpRequests, users } from "@/lib/db/schema";
import { enqueueEmail, renderEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { issueApiKey, type IssuedKey } from "@/lib/keys";
import { ACCOUNT_TOKEN_TTL_MS, hashToken, newLinkToken } from "./account-tokens";
import { hashPassword } from "./password";

export type NewAccount = { userId: string; email: string; liveKey: IssuedKey; testKey: IssuedKey };

/** What the sign-up form says whether or not the address already has an account, so it reveals nothing. */
export const SIGN_UP_REQUESTED_MESSAGE =
  "Check your email: we have sent a link to finish creating your account. It works once, for one hour.";

async function createAccount(tx: DbOrTx, email: string, passwordHash: string): Promise<NewAccount> {
  const userId = await createUser(tx, { email, passwordHash });
  const liveKey = await issueApiKey(userId, "live", "Default live key", tx);
  const testKey = await issueApiKey(userId, "test", "Default test key", tx);
  return { userId, email: normalizeEmail(email), liveKey, testKey };
}

/**
 * Creates the account with its first live and test keys in one transaction, for callers that already trust
 * the address (seed script, tests, benchmarks); the keys are returned in full once.
 */
export async function signUp(email: string, password: string): Promise<NewAccount> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => createAccount(tx, email, passwordHash));
}

/**
 * The sign-up form: a new address gets a single-use link that creates the account; an address that already
 * has one gets a note telling its owner. Both are queued in one transaction and the answer is the same, and
 * the password is hashed either way so the time taken does not tell them apart.
 */
export async function requestSignUp(email: string, password: string, now: Date = new Date()): Promise<void> {
  const address = normalizeEmail(email);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
    if (existing) {
      await enqueueEmail(
        tx,
        address,
        renderEmail({
          subject: "Someone tried to sign up with your address on KHQR Pay",
          heading: "You already have a KHQR Pay account",
          paragraphs: [
            "Someone asked to create a KHQR Pay account with this email address. It already belongs to your account, so nothing was created.",
            "If it was you, log in instead; if you forgot your password, reset it from the log-in page.",
          ],
          action: { label: "Log in", url: `${appUrl()}/login` },
          footer: "If it was not you, you can ignore this email: your account is unchanged.",
        }),
      );
      return;
    }
    const token = newLinkToken();
    await tx.insert(signUpRequests).values({
      id: randomUUID(),
      email: address,
      passwordHash,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS),
    });
    await enqueueEmail(
      tx,
      address,
      renderEmail({
        subject: "Finish creating your KHQR Pay account",
        heading: "Confirm your email address",
        paragraphs: ["Open the link to confirm this address and create your KHQR Pay account. It works once, for one hour."],
        action: { label: "Create my account", url: `${appUrl()}/signup/confirm?token=${token}` },
        footer: "If you did not sign up, ignore this email: no account is created.",
      }),
    );
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
      .returning({ email: signUpRequests.email, passwordHash: signUpRequests.passwordHash });
    if (!request) throw new AppError("invalid_input", "This link has expired or was already used. Sign up again to get a new one.");
    return createAccount(tx, request.email, request.passwordHash).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "conflict") {
        throw new AppError("conflict", "This address already has a KHQR Pay account. Log in, or reset your password from the log-in page.");
      }
      throw error;
    });
  });
}
