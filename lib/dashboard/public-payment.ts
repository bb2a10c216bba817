import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { merchantProfiles, transactions } from "@/lib/db/schema";
import type { Currency, Mode, TransactionStatus } from "@/lib/config/enums";

export type PublicPaymentStatus = { status: TransactionStatus; paid_at: string | null; expires_at: string | null };

/** What a customer holding the payment link may see: the QR itself and what it charges, nothing about the account. */
export type PublicPayment = {
  md5: string;
  qr: string;
  mode: Mode;
  isStatic: boolean;
  amount: string | null;
  currency: Currency;
  billNumber: string | null;
  merchantName: string | null;
  status: PublicPaymentStatus;
};

const MD5 = /^[0-9a-f]{32}$/;

export function normalizeMd5(value: string): string | null {
  const lower = value.toLowerCase();
  return MD5.test(lower) ? lower : null;
}

// A static QR's md5 can repeat across rows; the newest one speaks for it.
async function findByMd5(md5: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      md5: transactions.md5,
      qr: transactions.qr,
      mode: transactions.mode,
      isStatic: transactions.isStatic,
      amount: transactions.amount,
      currency: transactions.currency,
      billNumber: transactions.billNumber,
      status: transactions.status,
      paidAt: transactions.paidAt,
      expiresAt: transactions.expiresAt,
      merchantName: merchantProfiles.merchantName,
    })
    .from(transactions)
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, transactions.userId))
    .where(eq(transactions.md5, md5))
    .orderBy(desc(transactions.createdAt))
    .limit(1);
  return row;
}

export async function getPublicPayment(md5Param: string): Promise<PublicPayment | null> {
  const md5 = normalizeMd5(md5Param);
  const row = md5 ? await findByMd5(md5) : undefined;
  if (!row) return null;
  return {
    md5: row.md5,
    qr: row.qr,
    mode: row.mode,
    isStatic: row.isStatic,
    amount: row.amount,
    currency: row.currency,
    billNumber: row.billNumber,
    merchantName: row.merchantName,
    status: { status: row.status, paid_at: row.paidAt?.toISOString() ?? null, expires_at: row.expiresAt?.toISOString() ?? null },
  };
}

export async function getPublicPaymentStatus(md5Param: string): Promise<PublicPaymentStatus | null> {
  return (await getPublicPayment(md5Param))?.status ?? null;
}
