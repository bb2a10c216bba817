import { eq } from "drizzle-orm";
import { normalizeEmail } from "@/lib/accounts";
import { appUrl } from "@/lib/config/app-url";
import { getDb, violatedUniqueConstraint } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { enqueueEmail, renderEmail } from "@/lib/email";
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
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  const limit = await limitAuthAttempt({ ip, email: user.email });
  if (!limit.allowed) throw new AppError("rate_limit_exceeded", tooManyAttemptsMessage(limit.retryAfterSeconds));
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "That is not your current password.", { field: "currentPassword" });
  }
  if (address === user.email) throw new AppError("invalid_input", "That is already your email address.", { field: "newEmail" });
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
    if (taken) {
      await enqueueEmail(
        tx,
        address,
        renderEmail({
          subject: "Someone tried to use your address on KHQR Pay",
          heading: "Your address was entered on another account",
          paragraphs: [
            "Someone asked to move another KHQR Pay account to this email address. Nothing changed: it already belongs to your account.",
          ],
          footer: "If it was you, you can ignore this email.",
        }),
      );
      return;
    }
    const token = await issueAccountToken(tx, userId, "email_change", address);
    await enqueueEmail(
      tx,
      address,
      renderEmail({
        subject: "Confirm your new KHQR Pay email address",
        heading: "Confirm your new email address",
        paragraphs: [`Open the link to make ${address} the address of your KHQR Pay account. It works once, for one hour.`],
        action: { label: "Confirm this address", url: `${appUrl()}/confirm-email?token=${token}` },
        footer: "If you did not ask for this, ignore this email: nothing changes.",
      }),
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
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, used.userId));
      await tx.update(users).set({ email: used.newEmail }).where(eq(users.id, used.userId));
      await voidAccountTokens(tx, used.userId, "email_change");
      if (before) {
        await enqueueEmail(
          tx,
          before.email,
          renderEmail({
            subject: "Your KHQR Pay email address was changed",
            heading: "Your email address was changed",
            paragraphs: [`Your KHQR Pay account now uses ${used.newEmail}. This address will no longer receive its emails.`],
            footer: "If you did not do this, reset your password at once and write to us.",
          }),
        );
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
