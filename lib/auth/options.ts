import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { limitAuthAttempt } from "@/lib/ratelimit";
import { normalizeEmail } from "@/lib/accounts";
import { clientAddress, isStorableText } from "@/lib/std";
import { tooManyAttemptsMessage } from "./messages";
import { hashPassword, verifyPassword } from "./password";
import { authSecret, secureSessionCookies } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; sessionVersion: number };
  }
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's session version when this session was issued; a higher one in the database ends it. */
    sv?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Verifying against a real hash for unknown emails too keeps both failures equally slow.
let decoyHash: Promise<string> | undefined;

/** Returns the user for a correct email + password, null otherwise; throws the rate-limit message when blocked. */
export async function authorizeCredentials(
  email: string,
  password: string,
  ip: string,
): Promise<{ id: string; email: string; sessionVersion: number } | null> {
  // Text PostgreSQL cannot store cannot match an account; asking would fail the query.
  if (!isStorableText(email)) return null;
  const normalized = normalizeEmail(email);
  const limit = await limitAuthAttempt({ ip, email: normalized });
  if (!limit.allowed) throw new Error(tooManyAttemptsMessage(limit.retryAfterSeconds));
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, normalized))
    .limit(1);
  if (!user) {
    // Stryker disable next-line StringLiteral: the decoy's password never decides an answer (unknown emails always get null); any text costs the same scrypt run.
    decoyHash ??= hashPassword("decoy password for unknown emails");
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  // A getter, so the production check in authSecret() runs when a session is handled, not when `next build` imports this file.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: secureSessionCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        // Stryker disable next-line OptionalChaining: next-auth always passes the request (its type says so too); only its headers may be missing.
        const headers: Record<string, unknown> = request?.headers ?? {};
        const header = (name: string) => {
          const value = headers[name];
          return typeof value === "string" ? value : undefined;
        };
        return authorizeCredentials(credentials.email, credentials.password, clientAddress(header));
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.email = user.email;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub ?? "", email: token.email ?? "", sessionVersion: token.sv ?? -1 };
      return session;
    },
  },
};
