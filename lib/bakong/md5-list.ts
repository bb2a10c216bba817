import { BAKONG_ERROR_CODE, resultFromListItem } from "./answers";
import type { AuthorizedPost, BakongAnswer } from "./authorized-post";
import { BakongUnavailableError } from "./errors";
import type { BakongCheckResult, Md5ListAnswer } from "./types";

const MD5_LIST_PATH = "/v1/check_transaction_by_md5_list";
/** Bakong's documented maximum per list call. */
export const MD5_LIST_MAX = 50;
/** HTTP statuses that mean this deployment does not serve the list endpoint to us (not that Bakong is down). */
const REFUSING_STATUSES = new Set([400, 403, 404, 405, 501]);

function refused(detail: string, httpStatus?: number): BakongUnavailableError {
  return new BakongUnavailableError(
    "list_refused",
    `Bakong's md5-list endpoint refused the call: ${detail}`,
    // Stryker disable next-line ConditionalExpression: equivalent, BakongUnavailableError leaves out an httpStatus given as undefined
    httpStatus === undefined ? {} : { httpStatus },
  );
}

/**
 * One call to /v1/check_transaction_by_md5_list for at most 50 md5s. Throws `list_refused` when the
 * endpoint will not serve list calls at all (the bare 403 some deployments get, 404, an HTML page, an error
 * envelope), so the caller can stop calling it for a while; throws the usual outage errors (timeout, 5xx,
 * 429, network, auth) otherwise, which say nothing about whether single checks would fare better.
 */
export async function checkMd5List(md5s: string[], post: AuthorizedPost): Promise<Md5ListAnswer> {
  const asked = [...new Set(md5s)];
  if (asked.length === 0) return { results: new Map(), unsettled: [] };
  if (asked.length > MD5_LIST_MAX) throw new RangeError(`at most ${MD5_LIST_MAX} md5s per list call, got ${asked.length}`);
  let answer: BakongAnswer;
  try {
    answer = await post(MD5_LIST_PATH, asked);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, post only rejects with BakongUnavailableError; any other error has no reason and is rethrown below anyway
    if (!(error instanceof BakongUnavailableError)) throw error;
    if (error.reason === "bad_response") throw refused(error.message);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent for the first two tests, only an http_error carries a refusing status (auth_failed carries 401) and an http_error always carries one
    if (error.reason === "http_error" && error.httpStatus !== undefined && REFUSING_STATUSES.has(error.httpStatus)) {
      throw refused(error.message, error.httpStatus);
    }
    throw error;
  }

  const { envelope, raw } = answer.received;
  if (envelope.responseCode === 1 && envelope.errorCode === BAKONG_ERROR_CODE.transactionNotFound) {
    return { results: new Map(asked.map((md5) => [md5, { status: "not_found", raw }])), unsettled: [] };
  }
  if (envelope.responseCode !== 0 || !Array.isArray(envelope.data)) {
    throw refused(`responseCode ${envelope.responseCode}, errorCode ${envelope.errorCode ?? "none"}`);
  }
  const results = matchItemsByEchoedMd5(asked, envelope.data);
  return { results, unsettled: asked.filter((md5) => !results.has(md5)) };
}

/** Bakong does not keep the order of the list: items are matched by the md5 they echo. */
function matchItemsByEchoedMd5(chunk: string[], items: unknown[]): Map<string, BakongCheckResult> {
  const askedByLowercase = new Map(chunk.map((md5) => [md5.toLowerCase(), md5]));
  const settled = new Map<string, BakongCheckResult>();
  for (const item of items) {
    // Stryker disable next-line ConditionalExpression: equivalent for the typeof test, a primitive has no string md5 and is skipped on the next line
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
