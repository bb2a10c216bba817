import { and, sql, type AnyColumn } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { csvHeader } from "./csv";
import { filterConditions } from "./transactions";
import type { TransactionFilters } from "./transaction-filters";

/**
 * Rows per query and per stream chunk (under 1 MB): measured fastest here (bench:dashboard); at 1,000 a
 * page's planning and keyset descent were a third of the export's time.
 */
export const TRANSACTIONS_EXPORT_PAGE = 5_000;

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

const HEADER = [
  "id",
  "created_at",
  "mode",
  "status",
  "amount",
  "amount_minor",
  "currency",
  "order_id",
  "bill_number",
  "store_label",
  "terminal_label",
  "md5",
  "paid_at",
  "expires_at",
  "payment_link_id",
];

type Position = { time: string; id: string };

/**
 * One page of the export as PostgreSQL writes it: every line of the page already joined (per-row work in
 * JavaScript, even only parsing a row, was what capped the export's speed), and the keyset position of its
 * last row: the id and the time as PostgreSQL prints it (microseconds), so no row is skipped or repeated.
 */
type ExportPage = { lines: string; rows: number; last: Position };

/**
 * One page of the filtered set newest first, after `after`, by the list's keyset (created_at, id): the
 * last page costs what the first does. Null when no row is left.
 */
async function exportPage(
  userId: string,
  filters: TransactionFilters,
  after: Position | null,
  pageSize: number,
): Promise<ExportPage | null> {
  const db = await getDb();
  const conditions = filterConditions(userId, filters);
  if (after) conditions.push(sql`(${transactions.createdAt}, ${transactions.id}) < (${after.time}::timestamptz, ${after.id}::uuid)`);
  const result = (await db.execute(sql`
    with page as (
      select
        concat_ws(',', ${transactions.id}, ${isoTime(transactions.createdAt)}, ${transactions.mode}, ${transactions.status},
          coalesce(${spreadsheetAmount}, ''), coalesce(${amountMinor}::text, ''), ${transactions.currency},
          ${csvText(transactions.orderId)}, ${csvText(transactions.billNumber)}, ${csvText(transactions.storeLabel)},
          ${csvText(transactions.terminalLabel)}, ${transactions.md5}, coalesce(${isoTime(transactions.paidAt)}, ''),
          coalesce(${isoTime(transactions.expiresAt)}, ''), coalesce(${transactions.paymentLinkId}::text, '')) as line,
        ${transactions.id} as id, ${transactions.createdAt} as created_at
      from ${transactions}
      where ${and(...conditions)}
      order by ${transactions.createdAt} desc, ${transactions.id} desc
      limit ${pageSize}
    ), last as (
      select created_at::text as time, id::text as id from page order by created_at, id limit 1
    )
    select (select string_agg(line, E'\\r\\n' order by created_at desc, id desc) from page) || E'\\r\\n' as lines,
      (select count(*) from page)::int as rows, last.time, last.id
    from last`)) as unknown as { rows: { lines: string; rows: number; time: string; id: string }[] };
  const [page] = result.rows;
  return page ? { lines: page.lines, rows: page.rows, last: { time: page.time, id: page.id } } : null;
}

/**
 * The whole filtered set as CSV: the header, then one chunk per page of rows. The next page is asked for as
 * soon as the last one arrives, so the database works on it while this one is written out (at most two
 * pages are held, so memory stays flat for any number of rows).
 */
export async function* transactionsCsv(
  userId: string,
  filters: TransactionFilters,
  pageSize = TRANSACTIONS_EXPORT_PAGE,
): AsyncGenerator<string> {
  yield csvHeader(HEADER);
  let next: Promise<ExportPage | null> | null = exportPage(userId, filters, null, pageSize);
  try {
    while (next) {
      const page: ExportPage | null = await next;
      if (!page) return;
      next = page.rows === pageSize ? exportPage(userId, filters, page.last, pageSize) : null;
      yield page.lines;
    }
  } finally {
    // A client gone mid-export: the page asked for ahead is dropped, its failure too.
    next?.catch(() => {});
  }
}
