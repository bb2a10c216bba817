import { decodeKhqr } from "./decode";
import { KhqrDecodeError } from "./errors";
import { isThirteenDigitEpochMs } from "./timestamp";
import type { DecodedKhqr, KhqrVerification } from "./types";

/** The SDK's verify() rules on amount and timestamps, with expiry strictly after creation. */
function timingProblem(decoded: DecodedKhqr, nowMs: number): string | undefined {
  const { amount, createdAtMs, expiresAtMs } = decoded;
  if (decoded.pointOfInitiation === "static") {
    if (amount !== undefined && createdAtMs === undefined && expiresAtMs === undefined) {
      return "a KHQR with an amount (tag 54) must carry timestamps (tag 99)";
    }
    return undefined;
  }
  if (amount === undefined) return "a dynamic KHQR must carry an amount (tag 54)";
  if (expiresAtMs === undefined) return "a dynamic KHQR must carry an expiration timestamp (tag 99 sub 01)";
  if (!isThirteenDigitEpochMs(expiresAtMs)) return "the expiration timestamp must be epoch milliseconds with exactly 13 digits";
  if (!isThirteenDigitEpochMs(createdAtMs)) return "the creation timestamp must be epoch milliseconds with exactly 13 digits";
  if (expiresAtMs <= createdAtMs) return "the expiration timestamp is not after the creation timestamp";
  if (expiresAtMs < nowMs) return "the KHQR has expired";
  return undefined;
}

/**
 * Whether a KHQR is well formed, its CRC right and (if dynamic) not expired at nowMs. The CRC is not a
 * signature: a valid result says nothing about who made the string.
 */
export function verifyKhqr(qr: string, nowMs: number = Date.now()): KhqrVerification {
  let decoded: DecodedKhqr;
  try {
    decoded = decodeKhqr(qr);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, decodeKhqr throws nothing but KhqrDecodeError
    if (error instanceof KhqrDecodeError) return { valid: false, reason: error.message };
    throw error;
  }
  const problem = timingProblem(decoded, nowMs);
  return problem === undefined ? { valid: true, decoded } : { valid: false, reason: problem };
}
