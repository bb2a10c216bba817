import { eq } from "drizzle-orm";
import { normalizeEmail } from "@/lib/accounts";
import { appUrl } from "@/lib/config/app-url";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { enqueueEmail, localizedEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { consumeAccountToken, issueAccountToken, voidAccountTokens } from "./account-tokens";
import { tooManyAttemptsMessage } from "./messages";
import { hashPassword } from "./password";
import { endAllSessions } from "./session-version";

/**
 * "Forgot password?": for an existing account, a single-use link (1 h) is queued by email in the same
 * transaction that stores the token's hash. Unknown addresses get the same answer and no email.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  const address = normalizeEmail(email);
  const limit = await limitAuthAttempt({ ip, email: address });
  if (!limit.allowed) throw new AppError("rate_limit_exceeded", tooManyAttemptsMessage(limit.retryAfterSeconds));
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, address)).limit(1);
    if (!user) return;
    const token = await issueAccountToken(tx, user.id, "password_reset");
    await enqueueEmail(tx, address, localizedEmail(user.locale, "reset", { actionUrl: `${appUrl()}/reset-password?token=${token}` }));
  });
}

/**
 * Sets the new password from a reset link: the token is used up, every other reset link voided and every
 * session ended, in one transaction. Returns what the new session needs.
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ id: string; email: string; sessionVersion: number }> {
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, token, "password_reset");
    if (!used) {
      throw new AppError("invalid_input", "This link has expired or was already used. Ask for a new one from the log-in page.", {
        field: "password",
      });
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, email: users.email });
    await voidAccountTokens(tx, used.userId, "password_reset");
    const sessionVersion = await endAllSessions(used.userId, tx);
    return { id: user!.id, email: user!.email, sessionVersion };
  });
}
