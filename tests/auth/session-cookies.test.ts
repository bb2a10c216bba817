import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { endAllSessions } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { createTestMerchant, DEFAULT_PROFILE } from "../helpers/merchant";

/**
 * The Next.js request scope cannot run in Vitest, so next/headers' cookies() is a fake cookie jar: it
 * serves the cookies the browser sent with the current request and records every cookie the code sets
 * on the response. next/navigation's redirect() and React's cache() are the real ones (outside a React
 * server render, cache() does not memoize, so each call reads the current request).
 */
type CookieSet = { name: string; value: string; options: Record<string, unknown> };

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), sets: [] as CookieSet[] }));

const nextHeaders = vi.hoisted(() => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: Record<string, unknown>) => {
      request.sets.push({ name, value, options });
    },
  }),
  headers: async () => new Headers({ host: "localhost:3000" }),
}));

vi.mock("next/headers", () => nextHeaders);
// next-auth's getServerSession() loads next/headers with a CommonJS require, which vi.mock does not reach.
Object.assign(createRequire(import.meta.url)("next/headers"), nextHeaders);

const { endSession, getSessionUser, requireUser, startSession } = await import("@/lib/auth/session");

const SECRET = "session-cookies-test-secret";
const COOKIE = "next-auth.session-token";
const THIRTY_DAYS = 30 * 24 * 60 * 60;
// What Next.js's redirect() throws: the framework turns it into a 307 to the URL in the digest.
const REDIRECT_TO_LOGIN = { digest: "NEXT_REDIRECT;replace;/login;307;" };

/** Runs `action` as one request from a browser that sends `sent`; returns the cookies the response sets. */
async function inRequest(sent: Record<string, string>, action: () => Promise<unknown>): Promise<CookieSet[]> {
  request.cookies = new Map(Object.entries(sent));
  request.sets = [];
  await action();
  return request.sets;
}

async function sessionVersionOf(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.sessionVersion;
}

/** Signs a fresh merchant in (as after sign-up) and returns the cookie their browser now holds. */
async function signedInMerchant() {
  const merchant = await createTestMerchant(DEFAULT_PROFILE, "en");
  const sets = await inRequest({}, () => startSession({ id: merchant.userId, email: merchant.email, sessionVersion: 0 }));
  expect(sets).toHaveLength(1);
  return { merchant, cookie: { [COOKIE]: sets[0]!.value } };
}

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("startSession", () => {
  it("sets next-auth's session cookie: httpOnly, SameSite=Lax, whole site, 30 days, holding {sub, email, sv} signed with the secret", async () => {
    const merchant = await createTestMerchant();
    const before = Math.floor(Date.now() / 1000);
    const sets = await inRequest({}, () => startSession({ id: merchant.userId, email: merchant.email, sessionVersion: 0 }));

    expect(sets).toEqual([
      {
        name: COOKIE,
        value: expect.any(String),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: THIRTY_DAYS },
      },
    ]);
    const token = await decode({ token: sets[0]!.value, secret: SECRET });
    expect(token).toEqual({
      sub: merchant.userId,
      email: merchant.email,
      sv: 0,
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
    });
    const { iat, exp } = token as { iat: number; exp: number };
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(exp).toBe(iat + THIRTY_DAYS);
    expect(await decode({ token: sets[0]!.value, secret: "some other secret" }).catch(() => null)).toBeNull();
  });

  it("the browser's next request is signed in as that account", async () => {
    const { merchant, cookie } = await signedInMerchant();
    const expected = { id: merchant.userId, email: merchant.email, plan: "free", locale: "en", khmerDigits: false };
    let user: unknown;
    let required: unknown;
    await inRequest(cookie, async () => {
      user = await getSessionUser();
      required = await requireUser();
    });
    expect(user).toEqual(expected);
    expect(required).toEqual(expected);
  });

  it("over HTTPS the cookie is the __Secure- one, with the Secure flag", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://pay.example.com");
    const merchant = await createTestMerchant();
    const sets = await inRequest({}, () => startSession({ id: merchant.userId, email: merchant.email, sessionVersion: 0 }));
    expect(sets).toEqual([
      {
        name: "__Secure-next-auth.session-token",
        value: expect.any(String),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: THIRTY_DAYS },
      },
    ]);
    expect(await decode({ token: sets[0]!.value, secret: SECRET })).toMatchObject({ sub: merchant.userId, email: merchant.email, sv: 0 });
  });
});

describe("signed out", () => {
  it("without a session cookie: no user, and requireUser redirects to /login", async () => {
    let user: unknown = "not read";
    await inRequest({}, async () => {
      user = await getSessionUser();
    });
    expect(user).toBeNull();
    await inRequest({}, () => expect(requireUser()).rejects.toMatchObject(REDIRECT_TO_LOGIN));
  });

  it("a session issued before the account's sessions were ended counts as signed out", async () => {
    const { merchant, cookie } = await signedInMerchant();
    await endAllSessions(merchant.userId);
    let user: unknown = "not read";
    await inRequest(cookie, async () => {
      user = await getSessionUser();
    });
    expect(user).toBeNull();
    await inRequest(cookie, () => expect(requireUser()).rejects.toMatchObject(REDIRECT_TO_LOGIN));
  });

  it("a session of an account that does not exist counts as signed out", async () => {
    const sets = await inRequest({}, () =>
      startSession({ id: "00000000-0000-4000-8000-000000000000", email: "gone@example.com", sessionVersion: 0 }),
    );
    const cookie = { [COOKIE]: sets[0]!.value };
    let user: unknown = "not read";
    await inRequest(cookie, async () => {
      user = await getSessionUser();
    });
    expect(user).toBeNull();
    await inRequest(cookie, () => expect(requireUser()).rejects.toMatchObject(REDIRECT_TO_LOGIN));
  });
});

describe("endSession (sign out)", () => {
  it("ends every session of the account, so a copy of the cookie in another browser stops working, and deletes this browser's cookie", async () => {
    const { merchant, cookie } = await signedInMerchant();
    const sets = await inRequest(cookie, () => endSession());

    expect(sets).toEqual([{ name: COOKIE, value: "", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: 0 } }]);
    expect(await sessionVersionOf(merchant.userId)).toBe(1);
    let otherBrowser: unknown = "not read";
    await inRequest(cookie, async () => {
      otherBrowser = await getSessionUser();
    });
    expect(otherBrowser).toBeNull();
  });

  it("without a session: deletes the cookie and ends nobody's sessions", async () => {
    const bystander = await signedInMerchant();
    const sets = await inRequest({}, () => endSession());
    expect(sets).toEqual([{ name: COOKIE, value: "", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: 0 } }]);
    expect(await sessionVersionOf(bystander.merchant.userId)).toBe(0);
  });

  it("over HTTPS it overwrites the __Secure- cookie with a Secure one (browsers refuse anything else)", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://pay.example.com");
    const sets = await inRequest({}, () => endSession());
    expect(sets).toEqual([
      {
        name: "__Secure-next-auth.session-token",
        value: "",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 0 },
      },
    ]);
  });
});
