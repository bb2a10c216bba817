import { payPageUrl } from "@/lib/config/app-url";
import type { Transaction } from "@/lib/db/schema";
import { amountForResponse } from "./amounts";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const qrType = (row: Pick<Transaction, "isStatic">) => (row.isStatic ? "static" : "dynamic");

export function qrView(
  row: Pick<Transaction, "qr" | "md5" | "isStatic" | "publicId" | "currency" | "amount" | "orderId" | "expiresAt" | "status">,
  idempotentReplay: boolean,
) {
  return {
    qr: row.qr,
    md5: row.md5,
    type: qrType(row),
    currency: row.currency,
    amount: amountForResponse(row.amount),
    order_id: row.orderId,
    expires_at: iso(row.expiresAt),
    status: row.status,
    pay_url: payPageUrl(row.publicId),
    idempotent_replay: idempotentReplay,
  };
}

export function checkView(row: Transaction) {
  return {
    md5: row.md5,
    type: qrType(row),
    status: row.status,
    pay_url: payPageUrl(row.publicId),
    bakong_response: row.bakongResponse ?? null,
  };
}

export function orderView(row: Transaction) {
  return {
    // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, orderView shows only rows found by their order_id, which is never null
    order_id: row.orderId ?? "",
    md5: row.md5,
    type: qrType(row),
    status: row.status,
    amount: amountForResponse(row.amount),
    currency: row.currency,
    bill_number: row.billNumber,
    pay_url: payPageUrl(row.publicId),
    paid_at: iso(row.paidAt),
    expires_at: iso(row.expiresAt),
    created_at: row.createdAt.toISOString(),
  };
}
