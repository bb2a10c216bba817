import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "./options";
import { authSecret, secureSessionCookies, sessionCookieName } from "./secret";

export type SessionUser = { id: string; email: string; plan: string };

/**
 * The signed-in user, read from the session cookie and confirmed in the database: a valid cookie for an
 * account that no longer exists (a reset development database) counts as signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db.select({ id: users.id, email: users.email, plan: users.plan }).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
});

/** Every dashboard page and server action starts here; proxy.ts only spares signed-out visitors a round trip. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** Signs a new account in straight after sign-up with the same JWT cookie next-auth issues at log-in. */
export async function startSession(user: { id: string; email: string }): Promise<void> {
  const token = await encode({ token: { sub: user.id, email: user.email }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  const jar = await cookies();
  jar.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureSessionCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** JWT sessions live only in the cookie, so deleting it signs the browser out. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  // A __Secure- cookie can only be overwritten by one that is Secure too.
  jar.set(sessionCookieName(), "", { httpOnly: true, sameSite: "lax", path: "/", secure: secureSessionCookies(), maxAge: 0 });
}
