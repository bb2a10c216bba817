import type { Currency } from "@/lib/config/enums";
import { toMinorUnits } from "@/lib/payments";
import { listTransactions, type TransactionListRow } from "./transactions";
import type { TransactionFilters } from "./transaction-filters";

const EXPORT_BATCH = 500;

/**
 * Excel opens a CSV as UTF-8 only when it starts with a byte order mark; without one a Khmer bill number or
 * shop name garbles. Every export's first line starts with it.
 */
export const CSV_BOM = "\uFEFF";

/** An amount as a spreadsheet should show it: riel whole ("59"), dollars with their cents ("5.00"); a static QR has none. */
export function csvAmount(amount: string | null, currency: Currency): string | null {
  if (amount === null) return null;
  return currency === "KHR" ? String(toMinorUnits(amount, currency)) : Number(amount).toFixed(2);
}

/** The same amount in integer minor units (cents, whole riel): exact for sums and for matching other systems. */
export function csvAmountMinor(amount: string | null, currency: Currency): string | null {
  return amount === null ? null : String(toMinorUnits(amount, currency));
}

/** The header line of an export, BOM first. */
export function csvHeader(headers: string[]): string {
  return `${CSV_BOM}${headers.join(",")}\r\n`;
}

const COLUMNS: { header: string; value: (row: TransactionListRow) => string | null }[] = [
  { header: "id", value: (row) => row.id },
  { header: "created_at", value: (row) => row.createdAt.toISOString() },
  { header: "mode", value: (row) => row.mode },
  { header: "status", value: (row) => row.status },
  { header: "amount", value: (row) => csvAmount(row.amount, row.currency) },
  { header: "amount_minor", value: (row) => csvAmountMinor(row.amount, row.currency) },
  { header: "currency", value: (row) => row.currency },
  { header: "order_id", value: (row) => row.orderId },
  { header: "bill_number", value: (row) => row.billNumber },
  { header: "store_label", value: (row) => row.storeLabel },
  { header: "terminal_label", value: (row) => row.terminalLabel },
  { header: "md5", value: (row) => row.md5 },
  { header: "paid_at", value: (row) => row.paidAt?.toISOString() ?? null },
  { header: "expires_at", value: (row) => row.expiresAt?.toISOString() ?? null },
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
  yield csvHeader(COLUMNS.map((column) => column.header));
  let after: string | undefined;
  for (;;) {
    const page = await listTransactions(userId, filters, { after }, EXPORT_BATCH);
    for (const row of page.rows) yield csvLine(row);
    if (!page.olderCursor) return;
    after = page.olderCursor;
  }
}
