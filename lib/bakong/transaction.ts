import type { BakongTransaction } from "./types";

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
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}
