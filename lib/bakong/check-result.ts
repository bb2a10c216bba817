import { BAKONG_ERROR_CODE, type ReceivedEnvelope } from "./envelope";
import { BakongUnavailableError } from "./errors";
import { parseTransaction } from "./transaction";
import type { BakongCheckResult } from "./types";

/**
 * Turns the answer to /v1/check_transaction_by_md5 into a result. Anything that is not a clear
 * paid / not found / failed throws: an error must never be mistaken for "not paid yet".
 */
export function resultFromCheckEnvelope({ envelope, raw }: ReceivedEnvelope, url: string, httpStatus: number): BakongCheckResult {
  if (envelope.responseCode === 0) {
    const transaction = parseTransaction(envelope.data);
    if (transaction === null) {
      throw new BakongUnavailableError("bad_response", `Bakong reported success at ${url} but sent no transaction hash`);
    }
    return { status: "found", transaction, raw };
  }
  if (envelope.responseCode === 1) {
    switch (envelope.errorCode) {
      case BAKONG_ERROR_CODE.transactionNotFound:
      case BAKONG_ERROR_CODE.staticQrNotSupported:
        return { status: "not_found", raw };
      case BAKONG_ERROR_CODE.transactionFailed:
        return { status: "failed", raw };
      case null:
        throw new BakongUnavailableError("bad_response", `Bakong reported an error at ${url} without an errorCode`);
      default:
        throw new BakongUnavailableError(
          "http_error",
          `Bakong answered ${url} with errorCode ${envelope.errorCode}: ${envelope.responseMessage}`,
          { httpStatus },
        );
    }
  }
  throw new BakongUnavailableError("bad_response", `Bakong answered ${url} with unknown responseCode ${envelope.responseCode}`);
}

/**
 * One item of /v1/check_transaction_by_md5_list. Null when the item does not settle the md5
 * (SERVICE_FAILED, an unknown status, a SUCCESS without a hash) so the caller can ask again singly.
 */
export function resultFromListItem(item: Record<string, unknown>): BakongCheckResult | null {
  switch (item.status) {
    case "SUCCESS": {
      const transaction = parseTransaction(item.data);
      return transaction === null ? null : { status: "found", transaction, raw: item };
    }
    case "NOT_FOUND":
    case "STATIC_QR":
      return { status: "not_found", raw: item };
    case "FAILED":
      return { status: "failed", raw: item };
    default:
      return null;
  }
}
