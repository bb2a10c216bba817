import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { tooManyAttemptsMessage } from "./messages";
import { hashPassword, verifyPassword } from "./password";
import { endAllSessions } from "./session-version";

/**
 * Sets a new password for a signed-in user who proved the current one (throttled like log-in), and ends
 * every session issued before, in one transaction. Returns the new session version, for this browser's
 * new session.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, ip: string): Promise<number> {
  const db = await getDb();
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  const limit = await limitAuthAttempt({ ip, email: user.email });
  if (!limit.allowed) throw new AppError("rate_limit_exceeded", tooManyAttemptsMessage(limit.retryAfterSeconds));
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "That is not your current password.", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    return endAllSessions(userId, tx);
  });
}
