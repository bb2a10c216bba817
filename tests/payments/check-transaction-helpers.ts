import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { bakongState, transactions, type Transaction } from "@/lib/db/schema";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertPendingTransactions } from "./pending-transactions";

export const SINGLE = "/v1/check_transaction_by_md5";
export const LIST = "/v1/check_transaction_by_md5_list";

export type CheckWorld = { fake: FakeBakong; merchant: TestMerchant };

/** A fake Bakong the live client talks to, and a merchant with both keys; call in beforeAll. */
export async function startCheckWorld(token: string): Promise<CheckWorld> {
  const fake = await startFakeBakong({ token });
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = token;
  process.env.BAKONG_TIMEOUT_MS = "5000";
  delete process.env.BAKONG_EMAIL;
  return { fake, merchant: await createTestMerchant() };
}

/** Bakong's breakers closed, its budget unspent, no poller seen, and no delays or failures left on the fake. */
export async function resetCheckWorld({ fake }: CheckWorld, token: string): Promise<void> {
  fake.reset();
  fake.setToken(token);
  fake.setListEndpoint("ok");
  fake.delay(SINGLE, 0);
  fake.delay(LIST, 0);
  await (await getDb()).delete(bakongState);
}

/** One pending dynamic QR of the merchant (5.00 USD to coffee_shop@aclb), first check due 3 s after `createdAt`. */
export async function pendingQr(merchant: TestMerchant, mode: "live" | "test", createdAt = new Date()): Promise<Transaction> {
  const [row] = await insertPendingTransactions({ userId: merchant.userId, mode, count: 1, createdAt });
  return row!;
}

export async function readRow(id: string): Promise<Transaction | undefined> {
  const db = await getDb();
  return (await db.select().from(transactions).where(eq(transactions.id, id)))[0];
}

export async function setRow(id: string, values: Partial<Transaction>): Promise<void> {
  const db = await getDb();
  await db.update(transactions).set(values).where(eq(transactions.id, id));
}

export const paidTo = (amount = 5) => ({ toAccountId: "coffee_shop@aclb", amount, currency: "USD" });
