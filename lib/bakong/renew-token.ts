import { parseEnvelope } from "./envelope";
import { BakongUnavailableError } from "./errors";
import { bakongUrl, type BakongHttpSettings } from "./http-settings";
import { postToBakong } from "./transport";

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
