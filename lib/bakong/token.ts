import { parseEnvelope } from "./answers";
import { BakongUnavailableError } from "./errors";
import { bakongUrl, postToBakong, type BakongHttpSettings } from "./http";

export type TokenKeeper = {
  current(): string;
  /** A token to retry with after `rejected` got a 401: a renewed one, shared by every caller that saw the 401. */
  replaceRejected(rejected: string): Promise<string>;
};

export function createTokenKeeper(initialToken: string, email: string | undefined, renew: (email: string) => Promise<string>): TokenKeeper {
  let token = initialToken;
  let renewal: Promise<string> | null = null;

  return {
    current: () => token,
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
      renewal ??= renew(email)
        .then((fresh) => {
          token = fresh;
          return fresh;
        })
        .finally(() => {
          renewal = null;
        });
      return renewal;
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
  if (typeof data !== "object" || data === null) return null;
  const token = (data as Record<string, unknown>).token;
  return typeof token === "string" && token !== "" ? token : null;
}
