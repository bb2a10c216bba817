import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "./options";
import { authSecret, secureSessionCookies, sessionCookieName } from "./secret";
import { endAllSessions, userOfSession, type SessionUser } from "./session-version";

export type { SessionUser };

/**
 * The signed-in user, read from the session cookie and confirmed in the database on every request: a
 * cookie for an account that no longer exists, or issued before the account's sessions were ended
 * (sign-out, password change or reset, "sign out everywhere"), counts as signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  // Stryker disable next-line OptionalChaining: authOptions' session callback always sets session.user, so `session?.user.id` reads the same.
  const id = session?.user?.id;
  if (!id) return null;
  return userOfSession(id, session.user.sessionVersion);
});

/** Every dashboard page and server action starts here; proxy.ts only spares signed-out visitors a round trip. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * Signs this browser in with the same JWT cookie next-auth issues at log-in: after sign-up, a password
 * reset, or a change that ended the account's other sessions.
 */
export async function startSession(user: { id: string; email: string; sessionVersion: number }): Promise<void> {
  const token = await encode({
    token: { sub: user.id, email: user.email, sv: user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const jar = await cookies();
  jar.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureSessionCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/**
 * Signs out: ends every session of the account on the server (a copied cookie stops working too), then
 * deletes this browser's cookie.
 */
export async function endSession(): Promise<void> {
  const user = await getSessionUser();
  if (user) await endAllSessions(user.id);
  const jar = await cookies();
  // A __Secure- cookie can only be overwritten by one that is Secure too.
  jar.set(sessionCookieName(), "", { httpOnly: true, sameSite: "lax", path: "/", secure: secureSessionCookies(), maxAge: 0 });
}
