import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db";
import type { Locale } from "@/lib/config/enums";
import { users } from "@/lib/db/schema";

/**
 * Ends every session of the account issued so far: each session carries the version it was issued
 * under, and one older than the account's is refused on its next request. Returns the new version (for
 * a session issued right after, e.g. the browser that changed the password).
 */
export async function endAllSessions(userId: string, executor?: DbOrTx): Promise<number> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

export type SessionUser = { id: string; email: string; plan: string; locale: Locale; khmerDigits: boolean };

/** The account a session speaks for, if it still exists and the session was issued at its current version. */
export async function userOfSession(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, plan: users.plan, locale: users.locale, khmerDigits: users.khmerDigits })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  return user ?? null;
}
