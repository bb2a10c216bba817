import { and, sql, type AnyColumn } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { csvChunks, type CsvColumn } from "./csv";
import { filterConditions } from "./transactions";
import type { TransactionFilters } from "./transaction-filters";

/** Rows per query and per stream chunk: large enough that a query's fixed cost is small per row. */
export const TRANSACTIONS_EXPORT_PAGE = 1_000;

/** A time as `Date.toISOString()` writes it (UTC, milliseconds), written by PostgreSQL. */
const isoTime = (column: AnyColumn) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Riel whole ("59"), dollars with their cents ("5.50"): as csvAmount writes them, by PostgreSQL. */
const spreadsheetAmount = sql`case when ${transactions.currency} = 'KHR' then round(${transactions.amount})::text else ${transactions.amount}::text end`;
/** Integer cents or riel, as csvAmountMinor writes them. */
const amountMinor = sql`round(${transactions.amount} * case when ${transactions.currency} = 'USD' then 100 else 1 end)`;

/**
 * A merchant's own text as csvField writes it, by PostgreSQL: a leading =, +, -, @, tab or CR gets an
 * apostrophe (a spreadsheet would run it as a formula), then a field holding ", comma, CR or LF is quoted.
 */
function csvText(column: AnyColumn) {
  const guarded = sql`case when ${column} ~ '^[=+@\t\r-]' then '''' || ${column} else ${column} end`;
  return sql`coalesce(case when ${column} ~ '[",\r\n]' then '"' || replace(${guarded}, '"', '""') || '"' else ${guarded} end, '')`;
}

/**
 * A row of the export as PostgreSQL writes it: the whole CSV line (one value to parse and hold per row;
 * the per-row work in JavaScript was what capped the export's speed), and its keyset position.
 */
export type TransactionExportRow = {
  line: string;
  /** The keyset position: the id and the time as PostgreSQL prints it (microseconds), so no row is skipped or repeated. */
  id: string;
  cursor_time: string;
};

export const TRANSACTION_CSV_COLUMNS: CsvColumn<TransactionExportRow>[] = [
  {
    header:
      "id,created_at,mode,status,amount,amount_minor,currency,order_id,bill_number,store_label,terminal_label,md5,paid_at,expires_at,payment_link_id",
    value: (row) => row.line,
    preformatted: true,
  },
];

type Position = { time: string; id: string };

/**
 * One page of the filtered set newest first, after `after`, by the list's keyset (created_at, id): the
 * last page costs what the first does. A raw statement, not the query builder: mapping each row through
 * Drizzle's column objects cost more per row than the CSV itself.
 */
async function exportPage(
  userId: string,
  filters: TransactionFilters,
  after: Position | null,
  pageSize: number,
): Promise<TransactionExportRow[]> {
  const db = await getDb();
  const conditions = filterConditions(userId, filters);
  if (after) conditions.push(sql`(${transactions.createdAt}, ${transactions.id}) < (${after.time}::timestamptz, ${after.id}::uuid)`);
  const result = (await db.execute(sql`
    select
      concat_ws(',', ${transactions.id}, ${isoTime(transactions.createdAt)}, ${transactions.mode}, ${transactions.status},
        coalesce(${spreadsheetAmount}, ''), coalesce(${amountMinor}::text, ''), ${transactions.currency},
        ${csvText(transactions.orderId)}, ${csvText(transactions.billNumber)}, ${csvText(transactions.storeLabel)},
        ${csvText(transactions.terminalLabel)}, ${transactions.md5}, coalesce(${isoTime(transactions.paidAt)}, ''),
        coalesce(${isoTime(transactions.expiresAt)}, ''), coalesce(${transactions.paymentLinkId}::text, '')) as line,
      ${transactions.id} as id, ${transactions.createdAt}::text as cursor_time
    from ${transactions}
    where ${and(...conditions)}
    order by ${transactions.createdAt} desc, ${transactions.id} desc
    limit ${pageSize}`)) as unknown as { rows: TransactionExportRow[] };
  return result.rows;
}

/**
 * Page after page; the next page is asked for as soon as the last one arrives, so the database works on it
 * while this one is written out (at most two pages are held).
 */
async function* transactionPages(userId: string, filters: TransactionFilters, pageSize: number): AsyncGenerator<TransactionExportRow[]> {
  let next: Promise<TransactionExportRow[]> | null = exportPage(userId, filters, null, pageSize);
  try {
    while (next) {
      const rows: TransactionExportRow[] = await next;
      const last = rows.at(-1);
      next = rows.length === pageSize && last ? exportPage(userId, filters, { time: last.cursor_time, id: last.id }, pageSize) : null;
      yield rows;
    }
  } finally {
    // A client gone mid-export: the page asked for ahead is dropped, its failure too.
    next?.catch(() => {});
  }
}

/** The whole filtered set as CSV: the header, then one chunk per page of rows. */
export function transactionsCsv(userId: string, filters: TransactionFilters, pageSize = TRANSACTIONS_EXPORT_PAGE): AsyncGenerator<string> {
  return csvChunks(TRANSACTION_CSV_COLUMNS, transactionPages(userId, filters, pageSize));
}
