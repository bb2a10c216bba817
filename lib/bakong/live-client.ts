import { resultFromCheckEnvelope } from "./answers";
import { createAuthorizedPost, type AuthorizedPost } from "./authorized-post";
import { BakongUnavailableError } from "./errors";
import type { BakongHttpSettings } from "./http";
import { checkMd5List } from "./md5-list";
import { createTokenKeeper, requestNewToken } from "./token";
import type { BakongCheckResult, BakongClient, DeepLinkSource, LiveBakongOptions } from "./types";

const CHECK_MD5_PATH = "/v1/check_transaction_by_md5";
const CHECK_HASH_PATH = "/v1/check_transaction_by_hash";
const CHECK_SHORT_HASH_PATH = "/v1/check_transaction_by_short_hash";
const DEEP_LINK_PATH = "/v1/generate_deeplink_by_qr";
const DEFAULT_TIMEOUT_MS = 15_000;
// A payment page waits on the deep link: without one the QR still works, so it is not worth a long wait.
const DEEP_LINK_TIMEOUT_MS = 3_000;

export function createLiveBakongClient(options: LiveBakongOptions): BakongClient {
  const token = nonEmpty(options.token);
  if (token === undefined) return notConfiguredClient();

  const settings: BakongHttpSettings = {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetchImpl: options.fetchImpl ?? fetch,
    log: options.log ?? (() => {}),
  };
  const tokens = createTokenKeeper(token, nonEmpty(options.email), (email) => requestNewToken(settings, email), settings.log);
  const post = createAuthorizedPost(settings, tokens);

  // The hash endpoints answer in the same envelope as the md5 check.
  const check = async (path: string, body: unknown): Promise<BakongCheckResult> => {
    const { received, url, httpStatus } = await post(path, body);
    return resultFromCheckEnvelope(received, url, httpStatus);
  };
  const checkOne = (md5: string) => check(CHECK_MD5_PATH, { md5 });

  return {
    kind: "live",
    checkTransactionByMd5: checkOne,
    checkMd5List: (md5s) => checkMd5List(md5s, post),
    checkTransactionByHash: (hash) => check(CHECK_HASH_PATH, { hash }),
    checkTransactionByShortHash: (hash, amount, currency) => check(CHECK_SHORT_HASH_PATH, { hash, amount, currency }),
    deepLinkForQr: (qr, source) => deepLink(post, qr, source),
    tokenExpiresAt: () => tokens.expiresAt(),
  };
}

/** Bakong's short link that opens the payment in a bank app; null when Bakong answers without one. */
async function deepLink(post: AuthorizedPost, qr: string, sourceInfo: DeepLinkSource): Promise<string | null> {
  const { received } = await post(DEEP_LINK_PATH, { qr, sourceInfo }, DEEP_LINK_TIMEOUT_MS);
  const data = received.envelope.data as { shortLink?: unknown } | null;
  return received.envelope.responseCode === 0 && typeof data?.shortLink === "string" ? data.shortLink : null;
}

function notConfiguredClient(): BakongClient {
  const refuse = () =>
    Promise.reject(
      new BakongUnavailableError(
        "not_configured",
        "Bakong is not configured: the operator has not set BAKONG_TOKEN, so payment status cannot be checked",
      ),
    );
  return {
    kind: "live",
    checkTransactionByMd5: refuse,
    checkMd5List: refuse,
    checkTransactionByHash: refuse,
    checkTransactionByShortHash: refuse,
    deepLinkForQr: async () => null,
    tokenExpiresAt: () => null,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}
