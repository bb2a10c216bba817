import { toStorableText } from "@/lib/std";
import { BakongUnavailableError } from "./errors";
import type { BakongCheckResult, BakongEnvelope, BakongTransaction } from "./types";

/** Bakong's documented `errorCode` values that this client acts on. */
export const BAKONG_ERROR_CODE = {
  transactionNotFound: 1,
  staticQrNotSupported: 2,
  transactionFailed: 3,
  tokenInvalid: 6,
  emailNotRegistered: 10,
} as const;

/**
 * `envelope` is a checked view for decisions; `raw` is the parsed body for storage, untouched but for text
 * PostgreSQL cannot hold (NUL, lone surrogates: U+FFFD instead, in keys too).
 */
export type ReceivedEnvelope = { envelope: BakongEnvelope; raw: unknown };

export function parseEnvelope(bodyText: string, url: string): ReceivedEnvelope {
  let raw: unknown;
  try {
    raw = storableJson(JSON.parse(bodyText));
  } catch (error) {
    throw new BakongUnavailableError("bad_response", `Bakong answered ${url} with a body that is not JSON`, { cause: error });
  }
  const envelope = readEnvelope(raw);
  if (envelope === null) {
    throw new BakongUnavailableError("bad_response", `Bakong answered ${url} with JSON that is not a Bakong envelope`);
  }
  return { envelope, raw };
}

function storableJson(value: unknown): unknown {
  if (typeof value === "string") return toStorableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toStorableText(key), storableJson(item)]));
  }
  return value;
}

function readEnvelope(body: unknown): BakongEnvelope | null {
  // Stryker disable next-line ConditionalExpression: equivalent for the typeof and Array.isArray parts: parsed JSON primitives and arrays have no responseCode, so the next check returns null alike (the body === null part is tested)
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { responseCode, responseMessage, errorCode, data } = body as Record<string, unknown>;
  if (typeof responseCode !== "number") return null;
  if (errorCode !== null && errorCode !== undefined && typeof errorCode !== "number") return null;
  return {
    responseCode,
    responseMessage: typeof responseMessage === "string" ? responseMessage : "",
    errorCode: errorCode ?? null,
    data: data ?? null,
  };
}

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

const TEXT_FIELDS = [
  "fromAccountId",
  "toAccountId",
  "currency",
  "description",
  "externalRef",
  "instructionRef",
  "trackingStatus",
  "receiverBank",
  "receiverBankAccount",
] as const;

const DATE_FIELDS = ["createdDateMs", "acknowledgedDateMs"] as const;

/**
 * Reads Bakong's transaction `data`. Null when there is no string `hash`, the one field Bakong always sends
 * for a paid transfer. Absent or null fields are left out rather than guessed.
 */
export function parseTransaction(data: unknown): BakongTransaction | null {
  // Stryker disable next-line ConditionalExpression: equivalent for the typeof part: parsed JSON primitives have no hash, so the next check returns null alike (the data === null part is tested)
  if (typeof data !== "object" || data === null) return null;
  const fields = data as Record<string, unknown>;
  if (typeof fields.hash !== "string" || fields.hash === "") return null;

  const transaction: BakongTransaction = { hash: fields.hash };
  for (const name of TEXT_FIELDS) {
    const value = fields[name];
    if (typeof value === "string") transaction[name] = value;
  }
  for (const name of DATE_FIELDS) {
    const value = toFiniteNumber(fields[name]);
    // Bakong serialises epoch milliseconds as doubles (1605774370608.0).
    if (value !== undefined) transaction[name] = Math.trunc(value);
  }
  const amount = toFiniteNumber(fields.amount);
  if (amount !== undefined) transaction.amount = amount;
  return transaction;
}

function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  // Numeric text goes through the number check too: 400 digits make Infinity.
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return toFiniteNumber(Number(value));
  return undefined;
}
