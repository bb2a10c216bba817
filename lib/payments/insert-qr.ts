import { sql } from "drizzle-orm";
import { preparedStatement, type Db } from "@/lib/db";
import { transactionEvents, transactions } from "@/lib/db/schema";
import { dailyQuotaCount, dailyQuotaValues, quotaErrorOf, type QuotaSubject } from "@/lib/ratelimit";

const COLUMNS = [
  "id", "userId", "mode", "apiKeyId", "orderId", "md5", "qr", "isStatic", "amount", "currency", "billNumber", "storeLabel",
  "terminalLabel", "toAccountId", "requestFingerprint", "expiresAt", "createdAt", "nextCheckAt",
] as const;

/** The columns a new QR sets, each one given (null where empty); the rest take their defaults. */
export type NewQrRow = Required<Pick<typeof transactions.$inferInsert, (typeof COLUMNS)[number]>>;

/**
 * One statement, so one round trip that is its own transaction: the row (unless its order_id exists: then
 * nothing, and the caller replays), its "created" event, and the day's quota count, which fails the whole
 * statement when it would pass the plan's quota. Prepared once: this is the hot path of POST /api/v1/qr.
 */
const insertQrStatement = preparedStatement((db: Db) => {
  // Wrapped in sql``, a placeholder's value goes to the driver as it is (drizzle's column encoders reject null
  // dates); PostgreSQL takes each parameter's type from its target column.
  const values = Object.fromEntries(COLUMNS.map((column) => [column, sql`${sql.placeholder(column)}`]));
  const inserted = db.$with("inserted").as(
    db
      .insert(transactions)
      .values(values as unknown as typeof transactions.$inferInsert)
      .onConflictDoNothing({ target: [transactions.userId, transactions.mode, transactions.orderId], where: sql`order_id is not null` })
      .returning({
        id: transactions.id, qr: transactions.qr, md5: transactions.md5, currency: transactions.currency, amount: transactions.amount,
        orderId: transactions.orderId, expiresAt: transactions.expiresAt, status: transactions.status, createdAt: transactions.createdAt,
      }),
  );
  const createdEvent = db.$with("created_event").as(
    db.insert(transactionEvents).select((qb) =>
      qb
        .select({
          id: sql`${sql.placeholder("eventId")}::uuid`.as("id"),
          transactionId: inserted.id,
          kind: sql`'created'`.as("kind"),
          detail: sql`jsonb_build_object('api_key_id', ${sql.placeholder("apiKeyId")}::text)`.as("detail"),
          createdAt: inserted.createdAt,
        })
        .from(inserted),
    ),
  );
  const quotaCount = db.$with("quota_count").as(dailyQuotaCount(db, inserted));
  return db.with(inserted, createdEvent, quotaCount).select().from(inserted).prepare("insert_qr");
});

export type InsertedQr = Awaited<ReturnType<ReturnType<typeof insertQrStatement>["execute"]>>[number];

/** The created row, or null when the order_id already exists; throws the 429 when the daily quota is spent. */
export async function insertQr(db: Db, row: NewQrRow, eventId: string, quota: QuotaSubject): Promise<InsertedQr | null> {
  try {
    const [created] = await insertQrStatement(db).execute({ ...row, eventId, ...dailyQuotaValues(quota) });
    return created ?? null;
  } catch (error) {
    throw quotaErrorOf(error, quota) ?? error;
  }
}
