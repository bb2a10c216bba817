import { and, eq, inArray } from "drizzle-orm";
import {
  bakongConfigFromEnv,
  createLiveBakongClient,
  createSandboxBakongClient,
  type BakongClient,
  type SandboxLedger,
  type SandboxPayment,
} from "@/lib/bakong";
import { getDb } from "@/lib/db";
import { sandboxPayments } from "@/lib/db/schema";
import { log } from "@/lib/log";
import type { Mode } from "@/lib/config/enums";

/** One account's simulated payments: another account's never answer for this one's QRs, even at the same md5. */
const accountLedger = (userId: string): SandboxLedger => ({
  async findPayments(md5s: string[]): Promise<Map<string, SandboxPayment>> {
    const found = new Map<string, SandboxPayment>();
    if (md5s.length === 0) return found;
    const db = await getDb();
    const rows = await db
      .select()
      .from(sandboxPayments)
      .where(and(eq(sandboxPayments.userId, userId), inArray(sandboxPayments.md5, md5s)));
    for (const row of rows) {
      found.set(row.md5, {
        md5: row.md5,
        hash: row.hash,
        fromAccountId: row.fromAccountId,
        toAccountId: row.toAccountId,
        amount: Number(row.amount),
        currency: row.currency,
        createdDateMs: row.createdDateMs,
        acknowledgedDateMs: row.createdDateMs,
      });
    }
    return found;
  },
});

let live: { configKey: string; client: BakongClient } | undefined;

/**
 * Test-mode keys talk to the built-in simulator, reading the account's own sandbox ledger; live keys to
 * Bakong (or the relay in BAKONG_API_URL).
 */
export function bakongClientFor(account: { mode: Mode; userId: string }): BakongClient {
  return account.mode === "test" ? createSandboxBakongClient(accountLedger(account.userId)) : liveBakongClient();
}

export function liveBakongClient(): BakongClient {
  const config = bakongConfigFromEnv();
  // Rebuilt when the environment changes (tests point it at a fake server); the token renewed at run time lives in the client.
  const configKey = JSON.stringify([config.baseUrl, config.token, config.email, config.timeoutMs]);
  if (live?.configKey !== configKey) {
    live = { configKey, client: createLiveBakongClient({ ...config, log: (event, fields) => log("warn", event, fields) }) };
  }
  return live.client;
}
