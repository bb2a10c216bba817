import { BAKONG_ERROR_CODE, parseEnvelope, type ReceivedEnvelope } from "./answers";
import { BakongUnavailableError } from "./errors";
import { bakongUrl, httpStatusError, postToBakong, type BakongHttpSettings } from "./http";
import type { TokenKeeper } from "./token";

export type BakongAnswer = { received: ReceivedEnvelope; url: string; httpStatus: number };

/** `timeoutMs` overrides the client's per-call timeout for calls a person is waiting on. */
export type AuthorizedPost = (path: string, body: unknown, timeoutMs?: number) => Promise<BakongAnswer>;

const UNAUTHORIZED = Symbol("unauthorized");

/**
 * POSTs with the bearer token and hands back the envelope of a 2xx answer. A rejected token is renewed
 * once and the request retried once; every other failure throws BakongUnavailableError.
 */
export function createAuthorizedPost(settings: BakongHttpSettings, tokens: TokenKeeper): AuthorizedPost {
  async function attempt(url: string, body: unknown, token: string, timeoutMs: number): Promise<BakongAnswer | typeof UNAUTHORIZED> {
    const response = await postToBakong({ url, body, bearerToken: token, timeoutMs, fetchImpl: settings.fetchImpl });
    if (response.status === 401) return UNAUTHORIZED;
    if (response.status < 200 || response.status >= 300) throw httpStatusError(response, url);
    const received = parseEnvelope(response.bodyText, url);
    // Bakong documents a bad token as HTTP 401; the same errorCode behind a relay that rewrites statuses means the same.
    if (received.envelope.errorCode === BAKONG_ERROR_CODE.tokenInvalid) return UNAUTHORIZED;
    return { received, url, httpStatus: response.status };
  }

  return async (path, body, timeoutMs = settings.timeoutMs) => {
    const url = bakongUrl(settings, path);
    const rejectedToken = await tokens.current();
    const first = await attempt(url, body, rejectedToken, timeoutMs);
    if (first !== UNAUTHORIZED) return first;

    const renewedToken = await tokens.replaceRejected(rejectedToken);
    const retried = await attempt(url, body, renewedToken, timeoutMs);
    if (retried !== UNAUTHORIZED) return retried;
    throw new BakongUnavailableError("auth_failed", `Bakong rejected the renewed token at ${url}`, { httpStatus: 401 });
  };
}
