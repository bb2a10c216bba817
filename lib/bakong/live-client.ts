import { createAuthorizedPost } from "./authorized-post";
import { resultFromCheckEnvelope } from "./check-result";
import { BakongUnavailableError } from "./errors";
import type { BakongHttpSettings } from "./http-settings";
import { checkMd5List } from "./md5-list";
import { requestNewToken } from "./renew-token";
import { createTokenKeeper } from "./token-keeper";
import type { BakongCheckResult, BakongClient, LiveBakongOptions } from "./types";

const CHECK_MD5_PATH = "/v1/check_transaction_by_md5";
const DEFAULT_TIMEOUT_MS = 15_000;

export function createLiveBakongClient(options: LiveBakongOptions): BakongClient {
  const token = nonEmpty(options.token);
  if (token === undefined) return notConfiguredClient();

  const settings: BakongHttpSettings = {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetchImpl: options.fetchImpl ?? fetch,
    log: options.log ?? (() => {}),
  };
  const tokens = createTokenKeeper(token, nonEmpty(options.email), (email) => requestNewToken(settings, email));
  const post = createAuthorizedPost(settings, tokens);

  const checkOne = async (md5: string): Promise<BakongCheckResult> => {
    const { received, url, httpStatus } = await post(CHECK_MD5_PATH, { md5 });
    return resultFromCheckEnvelope(received, url, httpStatus);
  };

  return {
    kind: "live",
    checkTransactionByMd5: checkOne,
    checkTransactionsByMd5List: (md5s) => checkMd5List(md5s, { post, checkOne, log: settings.log }),
  };
}

function notConfiguredClient(): BakongClient {
  const refuse = () =>
    Promise.reject(
      new BakongUnavailableError(
        "not_configured",
        "Bakong is not configured: the operator has not set BAKONG_TOKEN, so payment status cannot be checked",
      ),
    );
  return { kind: "live", checkTransactionByMd5: refuse, checkTransactionsByMd5List: refuse };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}
