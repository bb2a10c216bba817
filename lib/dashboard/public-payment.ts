import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { merchantProfiles, transactions } from "@/lib/db/schema";
import type { Currency, Mode, TransactionStatus } from "@/lib/config/enums";
import { isPublicId } from "@/lib/payments";

export type PublicPaymentStatus = { status: TransactionStatus; paid_at: string | null; expires_at: string | null };

/** What a customer holding the payment link may see: the QR itself and what it charges, nothing about the account. */
export type PublicPayment = {
  md5: string;
  publicId: string;
  qr: string;
  mode: Mode;
  isStatic: boolean;
  amount: string | null;
  currency: Currency;
  billNumber: string | null;
  merchantName: string | null;
  /** The shop's name in Khmer, when its profile has one (the pay page shows it to Khmer readers). */
  merchantNameKm: string | null;
  status: PublicPaymentStatus;
};

async function findByPublicId(publicId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      md5: transactions.md5,
      publicId: transactions.publicId,
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
      merchantNameKm: merchantProfiles.merchantNameKm,
    })
    .from(transactions)
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, transactions.userId))
    .where(eq(transactions.publicId, publicId))
    .limit(1);
  return row;
}

/** The payment behind a page's public id (unguessable, unlike the md5, which never opens a page). */
export async function getPublicPayment(publicId: string): Promise<PublicPayment | null> {
  const row = isPublicId(publicId) ? await findByPublicId(publicId) : undefined;
  if (!row) return null;
  return {
    md5: row.md5,
    publicId: row.publicId,
    qr: row.qr,
    mode: row.mode,
    isStatic: row.isStatic,
    amount: row.amount,
    currency: row.currency,
    billNumber: row.billNumber,
    merchantName: row.merchantName,
    merchantNameKm: row.merchantNameKm,
    status: { status: row.status, paid_at: row.paidAt?.toISOString() ?? null, expires_at: row.expiresAt?.toISOString() ?? null },
  };
}

export async function getPublicPaymentStatus(publicId: string): Promise<PublicPaymentStatus | null> {
  return (await getPublicPayment(publicId))?.status ?? null;
}
