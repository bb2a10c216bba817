import { lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { accountTokens, signUpRequests } from "@/lib/db/schema";

/**
 * A day past its expiry a link answers "expired" whether or not its row exists; kept that long so a link
 * opened just after it expired still finds its row (used or not) and the support log can tell what happened.
 */
export const EXPIRED_LINK_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes sign-up requests (each holds a password hash for an address nobody proved) and account links
 * (password reset, email change) a day past their expiry: without it they pile up for ever.
 */
export async function pruneExpiredAuthLinks(now: Date = new Date()): Promise<{ signUpRequests: number; accountTokens: number }> {
  const db = await getDb();
  const before = new Date(now.getTime() - EXPIRED_LINK_RETENTION_MS);
  const signUps = await db.delete(signUpRequests).where(lt(signUpRequests.expiresAt, before)).returning({ id: signUpRequests.id });
  const tokens = await db.delete(accountTokens).where(lt(accountTokens.expiresAt, before)).returning({ id: accountTokens.id });
  return { signUpRequests: signUps.length, accountTokens: tokens.length };
}
