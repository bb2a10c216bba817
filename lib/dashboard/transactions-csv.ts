import { csvChunks, type CsvColumn } from "./csv";
import { listTransactions, type TransactionListRow } from "./transactions";
import type { TransactionFilters } from "./transaction-filters";

/** Rows per query and per stream chunk: large enough that a query's fixed cost is small per row. */
export const TRANSACTIONS_EXPORT_PAGE = 1_000;

export const TRANSACTION_CSV_COLUMNS: CsvColumn<TransactionListRow>[] = [
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
];

/** The filtered set newest first, page by page (keyset, so the last page costs what the first does). */
async function* transactionPages(userId: string, filters: TransactionFilters, pageSize: number): AsyncGenerator<TransactionListRow[]> {
  let after: string | undefined;
  for (;;) {
    const page = await listTransactions(userId, filters, { after }, pageSize);
    yield page.rows;
    if (!page.olderCursor) return;
    after = page.olderCursor;
  }
}

/** The whole filtered set as CSV: the header, then one chunk per page of rows. */
export function transactionsCsv(userId: string, filters: TransactionFilters, pageSize = TRANSACTIONS_EXPORT_PAGE): AsyncGenerator<string> {
  return csvChunks(TRANSACTION_CSV_COLUMNS, transactionPages(userId, filters, pageSize));
}
