import { getTableColumns, is, sql, SQL } from "drizzle-orm";
import { preparedStatement, type Db } from "@/lib/db";
import { transactionEvents, transactions } from "@/lib/db/schema";
import { AccountChangedError, keyRecheck, keyRecheckValues } from "@/lib/keys";
import { dailyQuotaCount, dailyQuotaValues, quotaErrorOf, type QuotaSubject } from "@/lib/ratelimit";

const COLUMNS = [
  "id",
  "userId",
  "mode",
  "apiKeyId",
  "orderId",
  "md5",
  "publicId",
  "qr",
  "isStatic",
  "amount",
  "currency",
  "billNumber",
  "storeLabel",
  "terminalLabel",
  "toAccountId",
  "requestFingerprint",
  "status",
  "expiresAt",
  "createdAt",
  "nextCheckAt",
  "paymentLinkId",
] as const;

/** The columns a new QR sets, each one given (null where empty); the rest take their defaults. */
export type NewQrRow = Required<Pick<typeof transactions.$inferInsert, (typeof COLUMNS)[number]>>;

/**
 * Every column of `transactions`, in table order, as a select list: a placeholder for each given column and
 * the column's default for the rest. Each is cast to its column's type, which a SELECT (unlike VALUES) does
 * not infer from the target.
 */
function newRowSelectList(): Record<keyof typeof transactions.$inferInsert, SQL.Aliased> {
  const given = new Set<string>(COLUMNS);
  return Object.fromEntries(
    Object.entries(getTableColumns(transactions)).map(([name, column]) => {
      const fallback = !column.hasDefault ? sql`null` : is(column.default, SQL) ? column.default : sql`${column.default}`;
      const value = given.has(name) ? sql`${sql.placeholder(name)}` : fallback;
      return [name, sql`${value}::${sql.raw(column.getSQLType())}`.as(column.name)];
    }),
  ) as Record<keyof typeof transactions.$inferInsert, SQL.Aliased>;
}

// Stryker disable next-line StringLiteral: equivalent, the name only lets PostgreSQL reuse the parsed statement (an empty one is an unnamed statement, parsed each time)
const INSERT_QR_STATEMENT = "insert_qr";

/**
 * One statement, so one round trip that is its own transaction: the account check (no row: nothing is
 * written), the row (unless its order_id exists: then nothing, and the caller replays), its "created" event,
 * and the day's quota count, which fails the whole statement when it would pass the plan's quota. Prepared
 * once: this is the hot path of POST /api/v1/qr.
 */
const insertQrStatement = preparedStatement((db: Db) => {
  const checked = db.$with("checked").as(keyRecheck(db));
  const inserted = db.$with("inserted").as(
    db
      .insert(transactions)
      .select((qb) => qb.select(newRowSelectList()).from(checked))
      .onConflictDoNothing({ target: [transactions.userId, transactions.mode, transactions.orderId], where: sql`order_id is not null` })
      .returning({ id: transactions.id, createdAt: transactions.createdAt, status: transactions.status }),
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
  // The caller knows every value it gave: the answer says whether the check passed, and the new row's status.
  return db
    .with(checked, inserted, createdEvent, quotaCount)
    .select({ status: inserted.status })
    .from(checked)
    .leftJoin(inserted, sql`true`)
    .prepare(INSERT_QR_STATEMENT);
});

type Result = Awaited<ReturnType<ReturnType<typeof insertQrStatement>["execute"]>>[number];

// ISO strings are exact and cheaper for the driver than the local-time text it makes of a Date.
const driverValues = (row: NewQrRow) =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column, value instanceof Date ? value.toISOString() : value]));

/**
 * The new row's status, or null when its order_id already exists; throws the 429 when the daily
 * quota is spent, and AccountChangedError when the key or its account is no longer at `account.version`.
 */
export async function insertQr(
  db: Db,
  row: NewQrRow,
  eventId: string,
  account: { userId: string; keyId: string | null; version: string },
  quota: QuotaSubject,
): Promise<Result["status"]> {
  let result: Result | undefined;
  try {
    [result] = await insertQrStatement(db).execute({
      ...driverValues(row),
      eventId,
      ...keyRecheckValues(account),
      ...dailyQuotaValues(quota),
    });
  } catch (error) {
    throw quotaErrorOf(error, quota) ?? error;
  }
  if (!result) throw new AccountChangedError();
  return result.status;
}
