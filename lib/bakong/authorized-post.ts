import { BAKONG_ERROR_CODE, parseEnvelope, type ReceivedEnvelope } from "./envelope";
import { BakongUnavailableError } from "./errors";
import { httpStatusError } from "./http-status-error";
import { bakongUrl, type BakongHttpSettings } from "./http-settings";
import type { TokenKeeper } from "./token-keeper";
import { postToBakong } from "./transport";

export type BakongAnswer = { received: ReceivedEnvelope; url: string; httpStatus: number };

export type AuthorizedPost = (path: string, body: unknown) => Promise<BakongAnswer>;

const UNAUTHORIZED = Symbol("unauthorized");

/**
 * POSTs with the bearer token and hands back the envelope of a 2xx answer. A rejected token is renewed
 * once and the request retried once; every other failure throws BakongUnavailableError.
 */
export function createAuthorizedPost(settings: BakongHttpSettings, tokens: TokenKeeper): AuthorizedPost {
  async function attempt(url: string, body: unknown, token: string): Promise<BakongAnswer | typeof UNAUTHORIZED> {
    const response = await postToBakong({ url, body, bearerToken: token, timeoutMs: settings.timeoutMs, fetchImpl: settings.fetchImpl });
    if (response.status === 401) return UNAUTHORIZED;
    if (response.status < 200 || response.status >= 300) throw httpStatusError(response, url);
    const received = parseEnvelope(response.bodyText, url);
    // Bakong documents a bad token as HTTP 401; the same errorCode behind a relay that rewrites statuses means the same.
    if (received.envelope.errorCode === BAKONG_ERROR_CODE.tokenInvalid) return UNAUTHORIZED;
    return { received, url, httpStatus: response.status };
  }

  return async (path, body) => {
    const url = bakongUrl(settings, path);
    const rejectedToken = tokens.current();
    const first = await attempt(url, body, rejectedToken);
    if (first !== UNAUTHORIZED) return first;

    const renewedToken = await tokens.replaceRejected(rejectedToken);
    const retried = await attempt(url, body, renewedToken);
    if (retried !== UNAUTHORIZED) return retried;
    throw new BakongUnavailableError("auth_failed", `Bakong rejected the renewed token at ${url}`, { httpStatus: 401 });
  };
}
