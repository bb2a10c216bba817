import { and, eq, inArray, sql } from "drizzle-orm";
import {
  bakongConfigFromEnv,
  createLiveBakongClient,
  createSandboxBakongClient,
  type BakongClient,
  type SandboxLedger,
  type SandboxPayment,
} from "@/lib/bakong";
import type { AccountScope } from "@/lib/accounts";
import { getDb } from "@/lib/db";
import { sandboxPayments } from "@/lib/db/schema";
import { log } from "@/lib/log";
import type { Mode } from "@/lib/config/enums";
import { storedAmount } from "./amounts";

type SandboxRow = typeof sandboxPayments.$inferSelect;

const asPayment = (row: SandboxRow): SandboxPayment => ({
  md5: row.md5,
  hash: row.hash,
  fromAccountId: row.fromAccountId,
  toAccountId: row.toAccountId,
  amount: Number(row.amount),
  currency: row.currency,
  createdDateMs: row.createdDateMs,
  acknowledgedDateMs: row.createdDateMs,
});

/**
 * The sandbox's record of simulated payments. md5s are unique across accounts, so any test key may ask by md5
 * (it already holds its own QR's md5); a hash is found only by the account whose simulated payment it is, so
 * one merchant's sandbox receipts never verify for another that saved the same Bakong account id.
 */
function databaseLedger(userId: string | null): SandboxLedger {
  const findOne = async (...conditions: ReturnType<typeof eq>[]) => {
    // Stryker disable next-line ConditionalExpression: equivalent, `user_id = null` matches no row, so the lookup finds nothing either way; this saves the query
    if (userId === null) return undefined;
    const db = await getDb();
    const [row] = await db
      .select()
      .from(sandboxPayments)
      .where(and(eq(sandboxPayments.userId, userId), ...conditions))
      .limit(1);
    return row ? asPayment(row) : undefined;
  };
  return {
    async findPayments(md5s: string[]): Promise<Map<string, SandboxPayment>> {
      const found = new Map<string, SandboxPayment>();
      // Stryker disable next-line ConditionalExpression: equivalent, drizzle's inArray of no md5s is `false`, so the query finds nothing; this saves it
      if (md5s.length === 0) return found;
      const db = await getDb();
      const rows = await db.select().from(sandboxPayments).where(inArray(sandboxPayments.md5, md5s));
      // Stryker disable next-line ConditionalExpression: equivalent, rows matched by md5 have one; the check only narrows the type
      for (const row of rows) if (row.md5 !== null) found.set(row.md5, asPayment(row));
      return found;
    },
    findPaymentByHash: (hash) => findOne(eq(sandboxPayments.hash, hash)),
    findPaymentByShortHash: (shortHash, amount, currency) =>
      findOne(
        sql`left(${sandboxPayments.hash}, 8) = ${shortHash}`,
        eq(sandboxPayments.currency, currency),
        eq(sandboxPayments.amount, storedAmount(amount, currency)),
      ),
  };
}

const sandbox = createSandboxBakongClient(databaseLedger(null));
let live: { configKey: string; client: BakongClient } | undefined;

/** Test-mode keys talk to the built-in simulator; live keys to Bakong (or the relay in BAKONG_API_URL). */
export function bakongClientFor(mode: Mode): BakongClient {
  if (mode === "test") return sandbox;
  const config = bakongConfigFromEnv();
  // Rebuilt when the environment changes (tests point it at a fake server); the token renewed at run time lives in the client.
  const configKey = JSON.stringify([config.baseUrl, config.token, config.email, config.timeoutMs]);
  if (live?.configKey !== configKey) {
    live = { configKey, client: createLiveBakongClient({ ...config, log: (event, fields) => log("warn", event, fields) }) };
  }
  return live.client;
}

/** The client that looks receipts up by hash: in test mode it sees only the account's own simulated payments. */
export function receiptClientFor({ userId, mode }: AccountScope): BakongClient {
  return mode === "test" ? createSandboxBakongClient(databaseLedger(userId)) : bakongClientFor(mode);
}
