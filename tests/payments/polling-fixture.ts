import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { getDb } from "@/lib/db";
import { bakongState, transactions } from "@/lib/db/schema";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

/**
 * For tests of the polling pass: a fake Bakong the live client talks to and one merchant, made once per file. Each
 * test polls only its own transactions (earlier tests' leftovers are taken out of the schedule), with both breakers
 * closed and the call budget unspent.
 */
export function pollingFixture(): { fake: FakeBakong; merchant: TestMerchant } {
  // Filled in before the file's first test runs.
  const fixture = {} as { fake: FakeBakong; merchant: TestMerchant };
  beforeAll(async () => {
    fixture.fake = await startFakeBakong();
    process.env.BAKONG_API_URL = fixture.fake.url;
    process.env.BAKONG_TOKEN = "fake-token";
    fixture.merchant = await createTestMerchant();
  });
  afterAll(async () => {
    await fixture.fake.close();
  });
  beforeEach(async () => {
    fixture.fake.reset();
    const db = await getDb();
    await db.update(transactions).set({ nextCheckAt: null }).where(eq(transactions.status, "pending"));
    await db.delete(bakongState);
  });
  return fixture;
}
