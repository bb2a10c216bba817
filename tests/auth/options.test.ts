import type { IncomingHttpHeaders } from "node:http";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions, authorizeCredentials } from "@/lib/auth/options";
import { AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

const PASSWORD = "correct horse battery";
const THROTTLED = /^Too many attempts\. Please wait \d+ (seconds?|minutes) and try again\.$/;

// CredentialsProvider keeps our settings under `options`; next-auth merges them over its defaults, so the
// authorize it calls on POST /api/auth/callback/credentials is this one.
const provider = authOptions.providers[0] as CredentialsConfig & { options: Pick<CredentialsConfig, "authorize"> };

/** What next-auth hands authorize for a log-in form: the posted fields and the request's headers. */
function logIn(credentials: Record<"email" | "password", string> | undefined, headers: Record<string, unknown> | undefined) {
  return provider.options.authorize(credentials, { body: credentials, query: {}, headers, method: "POST" });
}
/** The App Router's shape: next-auth turns the request's Headers into a plain object. */
const appRouterHeaders = (init: Record<string, string>) => Object.fromEntries(new Headers(init));

let addressCounter = 0;
/** An address of its own for each use, so one test's counts never reach another's. */
const freshAddress = () => `203.0.113.${++addressCounter}`;

/** Spends the per-email-and-address allowance of `email` from `address` on wrong guesses. */
async function exhaust(email: string, address: string) {
  for (let attempt = 0; attempt < AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit; attempt++) {
    expect(await authorizeCredentials(email, "a wrong guess", address)).toBeNull();
  }
}

let merchant: TestMerchant;
beforeAll(async () => {
  merchant = await createTestMerchant();
});

beforeEach(() => {
  // No proxy in front unless a test says so.
  vi.stubEnv("TRUSTED_PROXY_HOPS", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the log-in form, as next-auth calls it", () => {
  it("signs in with the right email and password and hands next-auth the account", async () => {
    const headers = appRouterHeaders({ "x-forwarded-for": freshAddress() });
    expect(await logIn({ email: merchant.email, password: PASSWORD }, headers)).toStrictEqual({
      id: merchant.userId,
      email: merchant.email,
      sessionVersion: 0,
    });
    expect(await logIn({ email: merchant.email, password: "not the password" }, headers)).toBeNull();
  });

  it("refuses an incomplete form without counting it as a guess", async () => {
    const target = await createTestMerchant();
    const address = freshAddress();
    const headers = appRouterHeaders({ "x-forwarded-for": address });
    // More incomplete forms than the address may make attempts: none of them is counted.
    for (let i = 0; i < AUTH_ATTEMPT_LIMITS.perIp.limit; i++) {
      expect(await logIn(undefined, headers)).toBeNull();
      expect(await logIn({ email: target.email, password: "" }, headers)).toBeNull();
      expect(await logIn({ email: "", password: PASSWORD }, headers)).toBeNull();
    }
    expect(await logIn({ email: target.email, password: PASSWORD }, headers)).toMatchObject({ id: target.userId });
  });

  it("throttles the client's address: the last X-Forwarded-For entry, whatever the client prepends", async () => {
    const target = await createTestMerchant();
    const attacker = freshAddress();
    await exhaust(target.email, attacker);
    const credentials = { email: target.email, password: PASSWORD };
    await expect(logIn(credentials, appRouterHeaders({ "x-forwarded-for": attacker }))).rejects.toThrow(THROTTLED);
    await expect(logIn(credentials, appRouterHeaders({ "x-forwarded-for": `198.51.100.7, ${attacker}` }))).rejects.toThrow(THROTTLED);
    // The owner, from another address, still gets in.
    expect(await logIn(credentials, appRouterHeaders({ "x-forwarded-for": freshAddress() }))).toMatchObject({ id: target.userId });
  });

  it("behind TRUSTED_PROXY_HOPS proxies, throttles the address the outermost proxy saw", async () => {
    const target = await createTestMerchant();
    const attacker = freshAddress();
    await exhaust(target.email, attacker);
    const credentials = { email: target.email, password: PASSWORD };
    const viaProxy = appRouterHeaders({ "x-forwarded-for": `${attacker}, 10.0.0.2` });
    // Without the setting, the proxy itself counts as the client, a different address from the attacker's.
    expect(await logIn(credentials, viaProxy)).toMatchObject({ id: target.userId });
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    await expect(logIn(credentials, viaProxy)).rejects.toThrow(THROTTLED);
  });

  it("a request without a readable address is counted as address “unknown”", async () => {
    const target = await createTestMerchant();
    await exhaust(target.email, "unknown");
    const credentials = { email: target.email, password: PASSWORD };
    await expect(logIn(credentials, undefined)).rejects.toThrow(THROTTLED);
    await expect(logIn(credentials, {})).rejects.toThrow(THROTTLED);
    // The Pages Router passes Node's headers, whose values may be lists: one that is not text is ignored.
    const listHeader: IncomingHttpHeaders = { "x-forwarded-for": [freshAddress()] };
    await expect(logIn(credentials, listHeader)).rejects.toThrow(THROTTLED);
    expect(await logIn(credentials, appRouterHeaders({ "x-forwarded-for": freshAddress() }))).toMatchObject({ id: target.userId });
  });
});

describe("next-auth settings", () => {
  it("reads the signing secret when a session is handled, not when the file is imported", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "first secret");
    expect(authOptions.secret).toBe("first secret");
    vi.stubEnv("NEXTAUTH_SECRET", "rotated secret");
    expect(authOptions.secret).toBe("rotated secret");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", undefined);
    vi.stubEnv("AUTH_SECRET", undefined);
    expect(() => authOptions.secret).toThrow("NEXTAUTH_SECRET is not set. Production refuses to start without it");
  });

  const jwt = authOptions.callbacks!.jwt!;
  const session = authOptions.callbacks!.session!;
  const sessionOf = (token: JWT) =>
    session({
      session: { expires: "2030-01-01T00:00:00.000Z" } as Session,
      token,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });

  it("at sign-in, the token takes the account's id, email and session version, keeping what next-auth put there", async () => {
    const token = await jwt({
      token: { name: null, picture: null, sub: "placeholder" },
      user: { id: "u1", email: "a@example.com", sessionVersion: 4 },
      account: null,
      trigger: "signIn",
    });
    expect(token).toStrictEqual({ name: null, picture: null, sub: "u1", email: "a@example.com", sv: 4 });
  });

  it("on every later request (no user), the token is handed back unchanged", async () => {
    const token = { sub: "u1", email: "a@example.com", sv: 4, iat: 1, exp: 2, jti: "j" };
    // next-auth passes no user after sign-in, whatever its type says.
    expect(await jwt({ token: { ...token }, user: undefined as never, account: null })).toStrictEqual(token);
  });

  it("the session carries the token's account; a token missing any of it yields no usable account", async () => {
    expect(await sessionOf({ sub: "u1", email: "a@example.com", sv: 4 })).toStrictEqual({
      expires: "2030-01-01T00:00:00.000Z",
      user: { id: "u1", email: "a@example.com", sessionVersion: 4 },
    });
    expect(await sessionOf({})).toStrictEqual({
      expires: "2030-01-01T00:00:00.000Z",
      user: { id: "", email: "", sessionVersion: -1 },
    });
  });
});
