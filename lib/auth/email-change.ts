import { eq } from "drizzle-orm";
import { normalizeEmail } from "@/lib/accounts";
import { appUrl } from "@/lib/config/app-url";
import { getDb, violatedUniqueConstraint } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { enqueueEmail, localizedEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { consumeAccountToken, issueAccountToken, voidAccountTokens } from "./account-tokens";
import { tooManyAttemptsMessage } from "./messages";
import { verifyPassword } from "./password";

/**
 * Asks to move the account to a new address, proven by the current password: a single-use link goes to the
 * new address, queued in the transaction that stores the token. An address another account uses gets a
 * note instead (and the answer is the same), so the form reveals no one's account.
 */
export async function requestEmailChange(userId: string, newEmail: string, currentPassword: string, ip: string): Promise<void> {
  const address = normalizeEmail(newEmail);
  const db = await getDb();
  const [user] = await db
    .select({ email: users.email, passwordHash: users.passwordHash, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  const limit = await limitAuthAttempt({ ip, email: user.email });
  if (!limit.allowed) throw new AppError("rate_limit_exceeded", tooManyAttemptsMessage(limit.retryAfterSeconds));
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "That is not your current password.", { field: "currentPassword" });
  }
  if (address === user.email) throw new AppError("invalid_input", "That is already your email address.", { field: "newEmail" });
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, address)).limit(1);
    if (taken) {
      // Written in the language of the account that owns the address.
      await enqueueEmail(tx, address, localizedEmail(taken.locale, "addressTaken"));
      return;
    }
    const token = await issueAccountToken(tx, userId, "email_change", address);
    await enqueueEmail(
      tx,
      address,
      localizedEmail(user.locale, "confirmChange", { values: { email: address }, actionUrl: `${appUrl()}/confirm-email?token=${token}` }),
    );
  });
}

/** Applies an email change from its link; the old address is told. Throws invalid_input for a used or expired link. */
export async function confirmEmailChange(token: string): Promise<{ email: string }> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const used = await consumeAccountToken(tx, token, "email_change");
      if (!used?.newEmail) throw new AppError("invalid_input", "This link has expired or was already used. Ask for a new one in Settings.");
      const [before] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, used.userId));
      await tx.update(users).set({ email: used.newEmail }).where(eq(users.id, used.userId));
      await voidAccountTokens(tx, used.userId, "email_change");
      // Stryker disable next-line ConditionalExpression: the consumed token's user_id references users (on delete cascade), so `before` is always found here; the check only narrows the type.
      if (before) {
        await enqueueEmail(tx, before.email, localizedEmail(before.locale, "changed", { values: { email: used.newEmail } }));
      }
      return { email: used.newEmail };
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === "users_email_key") {
      throw new AppError("conflict", "Another account started using this address meanwhile; nothing changed.");
    }
    throw error;
  }
}
