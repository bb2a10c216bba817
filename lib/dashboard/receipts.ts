import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { MODES, type Currency, type Mode } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { apiKeys, transactions, verifiedPayments } from "@/lib/db/schema";
import { verifyReceipt, verifyReceiptRequest } from "@/lib/payments";
import { csvAmount, csvAmountMinor, csvChunks, type CsvColumn } from "./csv";

/**
 * The dashboard's Verify a receipt form: the API's request schema (one definition of what a receipt query
 * is) plus the mode. Blank optional inputs count as absent, as a form cannot leave a field out.
 */
export const verifyReceiptForm = z.preprocess(
  (raw) =>
    Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).filter(
        ([name, value]) => ["hash", "amount", "currency", "mode"].includes(name) && value !== "",
      ),
    ),
  verifyReceiptRequest.safeExtend({ mode: z.enum(MODES, "Choose live or test") }),
);

export type ReceiptAnswer = Awaited<ReturnType<typeof verifyReceipt>>;

/** A receipt checked by the signed-in merchant: recorded as first verified on the dashboard. */
export function verifyReceiptOnDashboard(userId: string, input: z.output<typeof verifyReceiptForm>): Promise<ReceiptAnswer> {
  const { mode, ...receipt } = input;
  return verifyReceipt({ userId, mode, source: "dashboard", apiKeyId: null }, receipt);
}

export type VerifiedPaymentRow = {
  id: string;
  hash: string;
  amount: string;
  currency: string;
  paidAt: Date | null;
  fromAccountId: string | null;
  verifiedAt: Date;
  verifiedBy: string;
  staticQrMd5: string | null;
};

const PAGE_SIZE = 50;
const EXPORT_PAGE = 1_000;

/**
 * Where a page ends: the last row's time as PostgreSQL printed it (microseconds; a JS Date would drop them
 * and skip rows verified in the same millisecond) and its id (which breaks ties within one instant).
 */
type Cursor = { cursorTime: string; id: string };

type VerifiedPaymentPageRow = VerifiedPaymentRow & Cursor;

/** The account's verified receipts of one mode, newest first, after `before` when given. */
export async function listVerifiedPayments(
  userId: string,
  mode: Mode,
  before?: Cursor,
  limit = PAGE_SIZE,
): Promise<VerifiedPaymentPageRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: verifiedPayments.id,
      hash: verifiedPayments.hash,
      amount: verifiedPayments.amount,
      currency: verifiedPayments.currency,
      paidAt: verifiedPayments.paidAt,
      fromAccountId: verifiedPayments.fromAccountId,
      verifiedAt: verifiedPayments.createdAt,
      source: verifiedPayments.source,
      keyName: apiKeys.name,
      keyHint: apiKeys.hint,
      staticQrMd5: transactions.md5,
      cursorTime: sql<string>`${verifiedPayments.createdAt}::text`,
    })
    .from(verifiedPayments)
    .leftJoin(apiKeys, eq(apiKeys.id, verifiedPayments.apiKeyId))
    .leftJoin(transactions, eq(transactions.id, verifiedPayments.transactionId))
    .where(
      and(
        eq(verifiedPayments.userId, userId),
        eq(verifiedPayments.mode, mode),
        before
          ? sql`(${verifiedPayments.createdAt}, ${verifiedPayments.id}) < (${before.cursorTime}::timestamptz, ${before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(verifiedPayments.createdAt), desc(verifiedPayments.id))
    .limit(limit);
  return rows.map(({ source, keyName, keyHint, ...row }) => ({
    ...row,
    verifiedBy: source === "dashboard" ? "Dashboard" : keyName ? `API key ${keyName} (…${keyHint})` : "API key (deleted)",
  }));
}

/** The payments verified from receipts against one static QR, newest first. */
export async function paymentsOfStaticQr(userId: string, transactionId: string): Promise<VerifiedPaymentRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: verifiedPayments.id,
      hash: verifiedPayments.hash,
      amount: verifiedPayments.amount,
      currency: verifiedPayments.currency,
      paidAt: verifiedPayments.paidAt,
      fromAccountId: verifiedPayments.fromAccountId,
      verifiedAt: verifiedPayments.createdAt,
      source: verifiedPayments.source,
    })
    .from(verifiedPayments)
    .where(and(eq(verifiedPayments.userId, userId), eq(verifiedPayments.transactionId, transactionId)))
    .orderBy(desc(verifiedPayments.createdAt))
    .limit(PAGE_SIZE);
  return rows.map(({ source, ...row }) => ({ ...row, verifiedBy: source === "dashboard" ? "Dashboard" : "API", staticQrMd5: null }));
}

const COLUMNS: CsvColumn<VerifiedPaymentRow>[] = [
  { header: "verified_at", value: (row) => row.verifiedAt.toISOString() },
  { header: "verified_by", value: (row) => row.verifiedBy },
  { header: "hash", value: (row) => row.hash },
  { header: "amount", value: (row) => csvAmount(row.amount, row.currency as Currency) },
  { header: "amount_minor", value: (row) => csvAmountMinor(row.amount, row.currency as Currency) },
  { header: "currency", value: (row) => row.currency },
  { header: "paid_at", value: (row) => row.paidAt?.toISOString() ?? null },
  { header: "from_account_id", value: (row) => row.fromAccountId },
  { header: "static_qr_md5", value: (row) => row.staticQrMd5 },
];

async function* verifiedPaymentPages(userId: string, mode: Mode, pageSize: number): AsyncGenerator<VerifiedPaymentRow[]> {
  let before: Cursor | undefined;
  for (;;) {
    const rows = await listVerifiedPayments(userId, mode, before, pageSize);
    yield rows;
    if (rows.length < pageSize) return;
    before = rows.at(-1);
  }
}

/** Every verified receipt of the mode as CSV: the header, then one chunk per page of rows. */
export function verifiedPaymentsCsv(userId: string, mode: Mode, pageSize = EXPORT_PAGE): AsyncGenerator<string> {
  return csvChunks(COLUMNS, verifiedPaymentPages(userId, mode, pageSize));
}
