import { describe, expect, it } from "vitest";
import { createTokenKeeper, jwtExpiry } from "@/lib/bakong/token";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.parse("2025-06-01T00:00:00.000Z");
const EMAIL = "ops@example.com";

/** A JWT-shaped token whose payload is exactly `payloadJson` (Bakong's tokens are HS256 JWTs). */
function jwtWithPayload(payloadJson: string): string {
  return ["e30", Buffer.from(payloadJson).toString("base64url"), "signature"].join(".");
}

/** A token whose `exp` claim is `at` (whole seconds, as JWTs carry it). */
function tokenExpiringAt(at: number): string {
  return jwtWithPayload(JSON.stringify({ exp: at / 1000 }));
}

type Logged = [event: string, fields: Record<string, unknown>];

/** A keeper on a clock the test moves, recording what it logs and every renewal it asks for. */
function keeperFor(token: string, options: { email?: string; renew?: () => Promise<string> } = {}) {
  const logged: Logged[] = [];
  const renewals: string[] = [];
  const clock = { now: NOW };
  const keeper = createTokenKeeper(
    token,
    options.email,
    (email) => {
      renewals.push(email);
      return options.renew ? options.renew() : Promise.resolve("renewed-token");
    },
    (event, fields) => logged.push([event, fields]),
    () => clock.now,
  );
  return { keeper, logged, renewals, clock };
}

describe("jwtExpiry: when the token stops working, from its exp claim", () => {
  it("reads a numeric exp in seconds", () => {
    expect(jwtExpiry(jwtWithPayload('{"exp":1767225600}'))).toEqual(new Date("2026-01-01T00:00:00.000Z"));
  });

  it("gives no expiry for an exp that is a string, even one that reads as a number", () => {
    expect(jwtExpiry(jwtWithPayload('{"exp":"1767225600"}'))).toBeNull();
  });

  it("gives no expiry for an exp too large to be a date (JSON reads 1e400 as Infinity)", () => {
    expect(jwtExpiry(jwtWithPayload('{"exp":1e400}'))).toBeNull();
  });

  it("gives no expiry, rather than throwing, for a token that is not a JWT or whose payload is not JSON", () => {
    expect(jwtExpiry("opaque-token")).toBeNull();
    expect(jwtExpiry("header.not json at all.signature")).toBeNull();
    expect(jwtExpiry(jwtWithPayload("{exp: 1767225600"))).toBeNull();
    expect(jwtExpiry(jwtWithPayload("{}"))).toBeNull();
  });

  it("is what the keeper reports as expiresAt, null for a payload that is not JSON", () => {
    expect(keeperFor(tokenExpiringAt(NOW + 30 * DAY)).keeper.expiresAt()).toEqual(new Date(NOW + 30 * DAY));
    expect(keeperFor(jwtWithPayload("not json")).keeper.expiresAt()).toBeNull();
  });
});

describe("token keeper: the expiry warning", () => {
  it("is not logged while more than 14 days are left", async () => {
    const { keeper, logged, clock } = keeperFor(tokenExpiringAt(NOW + 14 * DAY));
    clock.now = NOW - 1;
    expect(await keeper.current()).toBe(tokenExpiringAt(NOW + 14 * DAY));
    expect(logged).toEqual([]);
  });

  it("is logged exactly 14 days before expiry, with the expiry, whole days left and that it cannot renew without an email", async () => {
    const { keeper, logged } = keeperFor(tokenExpiringAt(NOW + 14 * DAY));
    await keeper.current();
    expect(logged).toEqual([["bakong.token_expiring", { expires_at: "2025-06-15T00:00:00.000Z", days_left: 14, can_renew: false }]]);
  });

  it("counts whole days left, rounding down, and says it can renew when an email is set", async () => {
    const expiry = NOW + 10 * DAY + 12 * HOUR;
    const { keeper, logged, renewals } = keeperFor(tokenExpiringAt(expiry), { email: EMAIL });
    await keeper.current();
    expect(logged).toEqual([["bakong.token_expiring", { expires_at: "2025-06-11T12:00:00.000Z", days_left: 10, can_renew: true }]]);
    expect(renewals).toEqual([]);
  });

  it("is logged at most once a day, again exactly a day after the last one", async () => {
    const { keeper, logged, clock } = keeperFor(tokenExpiringAt(NOW + 14 * DAY));
    await keeper.current();
    await keeper.current();
    clock.now = NOW + DAY - 1;
    await keeper.current();
    expect(logged).toHaveLength(1);

    clock.now = NOW + DAY;
    await keeper.current();
    expect(logged).toEqual([
      ["bakong.token_expiring", { expires_at: "2025-06-15T00:00:00.000Z", days_left: 14, can_renew: false }],
      ["bakong.token_expiring", { expires_at: "2025-06-15T00:00:00.000Z", days_left: 13, can_renew: false }],
    ]);
  });

  it("is never logged for a token without an expiry", async () => {
    const { keeper, logged, renewals } = keeperFor("opaque-token", { email: EMAIL });
    expect(await keeper.current()).toBe("opaque-token");
    expect(logged).toEqual([]);
    expect(renewals).toEqual([]);
  });
});

describe("token keeper: early renewal", () => {
  it("does not renew while more than 7 days are left", async () => {
    const token = tokenExpiringAt(NOW + 7 * DAY + 1000);
    const { keeper, renewals } = keeperFor(token, { email: EMAIL });
    expect(await keeper.current()).toBe(token);
    expect(renewals).toEqual([]);
  });

  it("renews with the email exactly 7 days before expiry and calls with the new token from then on", async () => {
    const { keeper, renewals } = keeperFor(tokenExpiringAt(NOW + 7 * DAY), { email: EMAIL });
    expect(await keeper.current()).toBe("renewed-token");
    expect(await keeper.current()).toBe("renewed-token");
    expect(renewals).toEqual([EMAIL]);
  });

  it("never tries to renew without an email, however close the expiry, and keeps the token", async () => {
    const token = tokenExpiringAt(NOW + DAY);
    const { keeper, renewals } = keeperFor(token);
    expect(await keeper.current()).toBe(token);
    expect(renewals).toEqual([]);
  });

  it("after a failed renewal, goes on with the current token and tries again no sooner than an hour later", async () => {
    const token = tokenExpiringAt(NOW + 3 * DAY);
    let renewsTo: string | null = null;
    const renew = () => (renewsTo === null ? Promise.reject(new Error("flaky")) : Promise.resolve(renewsTo));
    const { keeper, renewals, clock } = keeperFor(token, { email: EMAIL, renew });

    expect(await keeper.current()).toBe(token);
    expect(renewals).toHaveLength(1);

    clock.now = NOW + HOUR - 1;
    expect(await keeper.current()).toBe(token);
    expect(renewals).toHaveLength(1);

    renewsTo = "renewed-token";
    clock.now = NOW + HOUR;
    expect(await keeper.current()).toBe("renewed-token");
    expect(renewals).toEqual([EMAIL, EMAIL]);
  });
});

describe("token keeper: a rejected token", () => {
  it("cannot be replaced without an email", async () => {
    const { keeper, renewals } = keeperFor("old-token");
    await expect(keeper.replaceRejected("old-token")).rejects.toMatchObject({
      name: "BakongUnavailableError",
      reason: "auth_failed",
      message: "Bakong rejected BAKONG_TOKEN (expired or invalid) and BAKONG_EMAIL is not set, so it cannot be renewed",
    });
    expect(renewals).toEqual([]);
  });

  it("is renewed once for every caller that saw it rejected, and a stale rejection gets the token already renewed", async () => {
    let finish: (token: string) => void = () => {};
    const { keeper, renewals } = keeperFor("old-token", {
      email: EMAIL,
      renew: () => new Promise<string>((resolve) => (finish = resolve)),
    });
    const first = keeper.replaceRejected("old-token");
    const second = keeper.replaceRejected("old-token");
    finish("new-token");
    expect(await Promise.all([first, second])).toEqual(["new-token", "new-token"]);
    expect(await keeper.replaceRejected("old-token")).toBe("new-token");
    expect(await keeper.current()).toBe("new-token");
    expect(renewals).toEqual([EMAIL]);
  });
});
