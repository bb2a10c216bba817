import { chunksOf, mapLimited } from "@/lib/std";
import { BAKONG_ERROR_CODE, resultFromListItem } from "./answers";
import type { AuthorizedPost, BakongAnswer } from "./authorized-post";
import { BakongUnavailableError } from "./errors";
import type { BakongCheckResult, BakongLog } from "./types";

const MD5_LIST_PATH = "/v1/check_transaction_by_md5_list";
/** Bakong's documented maximum per list call. */
export const MD5_LIST_MAX = 50;
/** Single checks run when the list endpoint lets us down; a few at a time so a fallback is no flood. */
const SINGLE_CHECK_CONCURRENCY = 5;

type ListDependencies = {
  post: AuthorizedPost;
  checkOne: (md5: string) => Promise<BakongCheckResult>;
  log: BakongLog;
};

/**
 * Checks md5s in list calls of at most 50. Whatever a list call cannot settle (the call failed, was refused
 * with the 403 some deployments get, or the item said SERVICE_FAILED / was missing) is checked singly.
 * Timeouts, network and auth failures are not retried singly: they would fail the same way, 50 times over.
 */
export async function checkMd5List(md5s: string[], dependencies: ListDependencies): Promise<Map<string, BakongCheckResult>> {
  const results = new Map<string, BakongCheckResult>();
  for (const chunk of chunksOf([...new Set(md5s)], MD5_LIST_MAX)) {
    const settled = await askListEndpoint(chunk, dependencies);
    const unsettled = chunk.filter((md5) => !settled.has(md5));
    const singles = await mapLimited(unsettled, SINGLE_CHECK_CONCURRENCY, dependencies.checkOne);
    const singleByMd5 = new Map(unsettled.map((md5, index) => [md5, singles[index]]));
    for (const md5 of chunk) {
      const result = settled.get(md5) ?? singleByMd5.get(md5);
      if (result !== undefined) results.set(md5, result);
    }
  }
  return results;
}

async function askListEndpoint(chunk: string[], { post, log }: ListDependencies): Promise<Map<string, BakongCheckResult>> {
  const fallBack = (detail: string, fields: Record<string, unknown> = {}) => {
    log("bakong.md5_list_fallback", { detail, md5Count: chunk.length, ...fields });
    return new Map<string, BakongCheckResult>();
  };

  let answer: BakongAnswer;
  try {
    answer = await post(MD5_LIST_PATH, chunk);
  } catch (error) {
    if (error instanceof BakongUnavailableError && (error.reason === "http_error" || error.reason === "bad_response")) {
      return fallBack(error.message, { httpStatus: error.httpStatus });
    }
    throw error;
  }

  const { envelope, raw } = answer.received;
  if (envelope.responseCode === 1 && envelope.errorCode === BAKONG_ERROR_CODE.transactionNotFound) {
    return new Map(chunk.map((md5) => [md5, { status: "not_found", raw }]));
  }
  if (envelope.responseCode !== 0 || !Array.isArray(envelope.data)) {
    return fallBack(`list answered responseCode ${envelope.responseCode}, errorCode ${envelope.errorCode ?? "none"}`);
  }

  const settled = matchItemsByEchoedMd5(chunk, envelope.data);
  if (settled.size < chunk.length) {
    log("bakong.md5_list_fallback", { detail: "items missing or SERVICE_FAILED", md5Count: chunk.length - settled.size });
  }
  return settled;
}

/** Bakong does not keep the order of the list: items are matched by the md5 they echo. */
function matchItemsByEchoedMd5(chunk: string[], items: unknown[]): Map<string, BakongCheckResult> {
  const askedByLowercase = new Map(chunk.map((md5) => [md5.toLowerCase(), md5]));
  const settled = new Map<string, BakongCheckResult>();
  for (const item of items) {
    if (typeof item !== "object" || item === null) continue;
    const fields = item as Record<string, unknown>;
    if (typeof fields.md5 !== "string") continue;
    const asked = askedByLowercase.get(fields.md5.toLowerCase());
    if (asked === undefined) continue;
    const result = resultFromListItem(fields);
    if (result !== null) settled.set(asked, result);
  }
  return settled;
}
