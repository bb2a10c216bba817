import { randomBytes } from "node:crypto";
import type { BakongCheckResult } from "@/lib/bakong";
import type { Transaction } from "@/lib/db/schema";

/** Bakong's answer for a payment of the stored amount to the stored account at `at`: the one that settles it. */
export function bakongFound(row: Transaction, at: Date): BakongCheckResult {
  return {
    status: "found",
    transaction: {
      hash: randomBytes(32).toString("hex"),
      toAccountId: row.toAccountId,
      amount: Number(row.amount),
      currency: row.currency,
      createdDateMs: at.getTime(),
    },
    raw: { responseCode: 0 },
  };
}
