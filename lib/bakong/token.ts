import { parseEnvelope } from "./answers";
import { BakongUnavailableError } from "./errors";
import { bakongUrl, postToBakong, type BakongHttpSettings } from "./http";

export type TokenKeeper = {
  /** The token to call with; renewed first (once, shared) when it expires within RENEW_AHEAD_MS and an email is set. */
  current(): Promise<string>;
  /** A token to retry with after `rejected` got a 401: a renewed one, shared by every caller that saw the 401. */
  replaceRejected(rejected: string): Promise<string>;
  /** When the token in use stops working, read from its JWT `exp` claim; null when it carries none. */
  expiresAt(): Date | null;
};

/** Renewal by email is reported flaky, so it starts well before the token expires, not at the first 401. */
export const RENEW_AHEAD_MS = 7 * 86_400_000;
/** From this close to expiry, a warning is logged (at most daily) so an operator can act before it fails. */
export const WARN_AHEAD_MS = 14 * 86_400_000;
/** A failed early renewal is tried again no sooner than this; calls go on with the current token meanwhile. */
const EARLY_RENEWAL_RETRY_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The `exp` claim of a JWT, without verifying it: only Bakong can, and it only tells us when to renew. */
export function jwtExpiry(token: string): Date | null {
  const payload = token.split(".")[1];
  // Stryker disable next-line ConditionalExpression: equivalent, without a payload Buffer.from (undefined) or JSON.parse ("") throws and the catch returns null too
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
    // Stryker disable next-line ConditionalExpression: equivalent, the typeof (there for TypeScript) is redundant: Number.isFinite is true only for numbers; the other conditions here are killed by tests
    return typeof exp === "number" && Number.isFinite(exp) ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}

export function createTokenKeeper(
  initialToken: string,
  email: string | undefined,
  renew: (email: string) => Promise<string>,
  log: (event: string, fields: Record<string, unknown>) => void = () => {},
  clock: () => number = Date.now,
): TokenKeeper {
  let token = initialToken;
  let renewal: Promise<string> | null = null;
  let earlyRenewalFailedAt = -Infinity;
  let warnedAt = -Infinity;

  function renewOnce(from: string): Promise<string> {
    renewal ??= renew(email!)
      .then((fresh) => {
        // Stryker disable next-line ConditionalExpression: equivalent, renewals never overlap (one shared promise) and only this line sets the token, so it still equals `from` here
        if (token === from) token = fresh;
        return token;
      })
      .finally(() => {
        renewal = null;
      });
    return renewal;
  }

  return {
    expiresAt: () => jwtExpiry(token),
    async current() {
      const expiry = jwtExpiry(token)?.getTime();
      const now = clock();
      if (expiry === undefined) return token;
      if (expiry - now <= WARN_AHEAD_MS && now - warnedAt >= DAY_MS) {
        warnedAt = now;
        log("bakong.token_expiring", {
          expires_at: new Date(expiry).toISOString(),
          days_left: Math.floor((expiry - now) / DAY_MS),
          can_renew: email !== undefined,
        });
      }
      if (email === undefined || expiry - now > RENEW_AHEAD_MS || now - earlyRenewalFailedAt < EARLY_RENEWAL_RETRY_MS) return token;
      try {
        return await renewOnce(token);
      } catch {
        earlyRenewalFailedAt = now;
        return token;
      }
    },
    replaceRejected(rejected) {
      // Another caller already renewed while this request was in flight.
      if (token !== rejected) return Promise.resolve(token);
      if (email === undefined) {
        return Promise.reject(
          new BakongUnavailableError(
            "auth_failed",
            "Bakong rejected BAKONG_TOKEN (expired or invalid) and BAKONG_EMAIL is not set, so it cannot be renewed",
          ),
        );
      }
      return renewOnce(rejected);
    },
  };
}

const RENEW_TOKEN_PATH = "/v1/renew_token";

/** Asks Bakong for a fresh token for the registered email. Any failure means we cannot authenticate. */
export async function requestNewToken(settings: BakongHttpSettings, email: string): Promise<string> {
  const url = bakongUrl(settings, RENEW_TOKEN_PATH);
  try {
    // renew_token is the one call made without a bearer: the old token is what Bakong rejected.
    const response = await postToBakong({ url, body: { email }, timeoutMs: settings.timeoutMs, fetchImpl: settings.fetchImpl });
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`HTTP ${response.status}`);
    }
    const { envelope } = parseEnvelope(response.bodyText, url);
    const token = tokenFrom(envelope.data);
    if (envelope.responseCode !== 0 || token === null) {
      throw new Error(`errorCode ${envelope.errorCode ?? "none"}: ${envelope.responseMessage}`);
    }
    settings.log("bakong.token_renewed", {});
    return token;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    settings.log("bakong.token_renewal_failed", { detail });
    throw new BakongUnavailableError(
      "auth_failed",
      `Bakong rejected the token and renewing it through ${RENEW_TOKEN_PATH} failed (${detail}); set a fresh BAKONG_TOKEN`,
      { cause: error },
    );
  }
}

function tokenFrom(data: unknown): string | null {
  // Stryker disable next-line ConditionalExpression: equivalent for JSON data, a string, number or boolean has no .token either; the whole test and the null check are killed by tests
  if (typeof data !== "object" || data === null) return null;
  const token = (data as Record<string, unknown>).token;
  return typeof token === "string" && token !== "" ? token : null;
}
