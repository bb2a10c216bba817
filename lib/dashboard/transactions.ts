import { and, asc, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { cambodiaDateStart, isCalendarDate, isUuid } from "@/lib/std";
import type { TransactionFilters } from "./transaction-filters";
import type { Currency, Mode, TransactionStatus } from "@/lib/config/enums";

export const PAGE_SIZE = 25;

export type TransactionListRow = {
  id: string;
  mode: Mode;
  status: TransactionStatus;
  isStatic: boolean;
  amount: string | null;
  currency: Currency;
  orderId: string | null;
  billNumber: string | null;
  storeLabel: string | null;
  terminalLabel: string | null;
  /** The payment link the customer paid through, if any. */
  paymentLinkId: string | null;
  md5: string;
  createdAt: Date;
  paidAt: Date | null;
  expiresAt: Date | null;
};

export type TransactionPage = { rows: TransactionListRow[]; olderCursor: string | null; newerCursor: string | null };

/** Where a page starts: strictly older than `after`, or strictly newer than `before` (keyset on created_at, id). */
export type PagePosition = { after?: string; before?: string };

type Cursor = { time: string; id: string };

const POSTGRES_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

/** A timestamp PostgreSQL accepts: the shape it prints, on a day that exists. */
function isPostgresTimestamp(value: string): boolean {
  const match = POSTGRES_TIMESTAMP.exec(value);
  return match !== null && isCalendarDate(match[1]!);
}

// The cursor carries created_at as PostgreSQL printed it, microseconds included, so no row is skipped or repeated.
function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.time, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [time, id] = parsed as unknown[];
    if (typeof time !== "string" || typeof id !== "string" || !isUuid(id) || !isPostgresTimestamp(time)) return null;
    return { time, id };
  } catch {
    return null;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Conditions for a user's filtered transactions; user_id and mode lead, matching the (user_id, mode, created_at, id) index. */
export function filterConditions(userId: string, filters: TransactionFilters): SQL[] {
  const conditions: SQL[] = [eq(transactions.userId, userId), eq(transactions.mode, filters.mode)];
  if (filters.status) conditions.push(eq(transactions.status, filters.status));
  if (filters.currency) conditions.push(eq(transactions.currency, filters.currency));
  if (filters.from) conditions.push(gte(transactions.createdAt, cambodiaDateStart(filters.from)));
  if (filters.to) conditions.push(lt(transactions.createdAt, cambodiaDateStart(filters.to, 1)));
  if (filters.q) {
    const prefix = `${escapeLike(filters.q)}%`;
    conditions.push(
      or(like(transactions.orderId, prefix), like(transactions.billNumber, prefix), like(transactions.md5, prefix.toLowerCase()))!,
    );
  }
  return conditions;
}

const listColumns = {
  id: transactions.id,
  mode: transactions.mode,
  status: transactions.status,
  isStatic: transactions.isStatic,
  amount: transactions.amount,
  currency: transactions.currency,
  orderId: transactions.orderId,
  billNumber: transactions.billNumber,
  storeLabel: transactions.storeLabel,
  terminalLabel: transactions.terminalLabel,
  paymentLinkId: transactions.paymentLinkId,
  md5: transactions.md5,
  createdAt: transactions.createdAt,
  paidAt: transactions.paidAt,
  expiresAt: transactions.expiresAt,
  cursorTime: sql<string>`${transactions.createdAt}::text`,
};

type Db = Awaited<ReturnType<typeof getDb>>;

/** The page query itself (exposed so a test can EXPLAIN it): newest first, or oldest first when paging back. */
export function pageQuery(db: Db, userId: string, filters: TransactionFilters, position: PagePosition, limit: number) {
  const after = decodeCursor(position.after);
  const before = after ? null : decodeCursor(position.before);
  const conditions = filterConditions(userId, filters);
  if (after) conditions.push(sql`(${transactions.createdAt}, ${transactions.id}) < (${after.time}::timestamptz, ${after.id}::uuid)`);
  if (before) conditions.push(sql`(${transactions.createdAt}, ${transactions.id}) > (${before.time}::timestamptz, ${before.id}::uuid)`);
  const order = before ? [asc(transactions.createdAt), asc(transactions.id)] : [desc(transactions.createdAt), desc(transactions.id)];
  return {
    query: db
      .select(listColumns)
      .from(transactions)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(limit),
    after,
    before,
  };
}

/** One page of a user's transactions, newest first, by keyset pagination so page 4,000 costs what page 1 does. */
export async function listTransactions(
  userId: string,
  filters: TransactionFilters,
  position: PagePosition = {},
  pageSize = PAGE_SIZE,
): Promise<TransactionPage> {
  const { query, after, before } = pageQuery(await getDb(), userId, filters, position, pageSize + 1);
  const fetched = await query;
  const hasMore = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  if (before) page.reverse();

  const first = page[0];
  const last = page.at(-1);
  const olderExists = before ? page.length > 0 : hasMore;
  const newerExists = before ? hasMore : after !== null;
  return {
    rows: page,
    olderCursor: olderExists && last ? encodeCursor({ time: last.cursorTime, id: last.id }) : null,
    newerCursor: newerExists && first ? encodeCursor({ time: first.cursorTime, id: first.id }) : null,
  };
}
