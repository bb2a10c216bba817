import { listTransactions, type TransactionListRow } from "./transactions";
import type { TransactionFilters } from "./transaction-filters";

const EXPORT_BATCH = 500;

const COLUMNS: { header: string; value: (row: TransactionListRow) => string | null }[] = [
  { header: "id", value: (row) => row.id },
  { header: "created_at", value: (row) => row.createdAt.toISOString() },
  { header: "mode", value: (row) => row.mode },
  { header: "status", value: (row) => row.status },
  { header: "amount", value: (row) => row.amount },
  { header: "currency", value: (row) => row.currency },
  { header: "order_id", value: (row) => row.orderId },
  { header: "bill_number", value: (row) => row.billNumber },
  { header: "store_label", value: (row) => row.storeLabel },
  { header: "terminal_label", value: (row) => row.terminalLabel },
  { header: "md5", value: (row) => row.md5 },
  { header: "paid_at", value: (row) => row.paidAt?.toISOString() ?? null },
  { header: "expires_at", value: (row) => row.expiresAt?.toISOString() ?? null },
  { header: "payment_link_id", value: (row) => row.paymentLinkId },
];

/**
 * One CSV field (RFC 4180 quoting). Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start) gets a leading apostrophe: order ids and bill numbers come from merchants' customers.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(row: TransactionListRow): string {
  return `${COLUMNS.map((column) => csvField(column.value(row))).join(",")}\r\n`;
}

/** The whole filtered set as CSV lines, read page by page so memory stays flat for any number of rows. */
export async function* transactionsCsv(userId: string, filters: TransactionFilters): AsyncGenerator<string> {
  yield `${COLUMNS.map((column) => column.header).join(",")}\r\n`;
  let after: string | undefined;
  for (;;) {
    const page = await listTransactions(userId, filters, { after }, EXPORT_BATCH);
    for (const row of page.rows) yield csvLine(row);
    if (!page.olderCursor) return;
    after = page.olderCursor;
  }
}
