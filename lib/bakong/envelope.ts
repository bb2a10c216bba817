import { BakongUnavailableError } from "./errors";
import type { BakongEnvelope } from "./types";

/** Bakong's documented `errorCode` values that this client acts on. */
export const BAKONG_ERROR_CODE = {
  transactionNotFound: 1,
  staticQrNotSupported: 2,
  transactionFailed: 3,
  tokenInvalid: 6,
  emailNotRegistered: 10,
} as const;

/** `envelope` is a checked view for decisions; `raw` is the parsed body untouched, for storage. */
export type ReceivedEnvelope = { envelope: BakongEnvelope; raw: unknown };

export function parseEnvelope(bodyText: string, url: string): ReceivedEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(bodyText);
  } catch (error) {
    throw new BakongUnavailableError("bad_response", `Bakong answered ${url} with a body that is not JSON`, { cause: error });
  }
  const envelope = readEnvelope(raw);
  if (envelope === null) {
    throw new BakongUnavailableError("bad_response", `Bakong answered ${url} with JSON that is not a Bakong envelope`);
  }
  return { envelope, raw };
}

function readEnvelope(body: unknown): BakongEnvelope | null {
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
