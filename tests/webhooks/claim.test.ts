import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { webhookDeliveries } from "@/lib/db/schema";
import { claimDueDeliveries, createWebhookEndpoint, deliverDueWebhooks } from "@/lib/webhooks";
import { createTestMerchant } from "../helpers/merchant";
import { startReceiver, type Receiver } from "./receiver";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  // Each test claims only its own deliveries.
  await (await getDb()).delete(webhookDeliveries);
});

/** One endpoint of a new merchant with `n` deliveries due at `now`, oldest first; their ids in that order. */
async function dueDeliveries(n: number, now: Date): Promise<{ endpointId: string; ids: string[] }> {
  const merchant = await createTestMerchant();
  const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
  const ids = Array.from({ length: n }, () => randomUUID());
  const db = await getDb();
  await db.insert(webhookDeliveries).values(
    ids.map((id, i) => ({
      id,
      endpointId: endpoint.id,
      transactionId: null,
      event: "transaction.paid",
      body: JSON.stringify({ id: `evt_${i}` }),
      nextAttemptAt: new Date(now.getTime() - 60_000 + i),
    })),
  );
  return { endpointId: endpoint.id, ids };
}

async function untouched(ids: string[]) {
  const db = await getDb();
  const rows = await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
  return rows.every((row) => row.attemptCount === 0 && row.lockedUntil === null && row.status === "pending");
}

describe("claiming due deliveries", () => {
  it("a limit of 0 or less claims nothing and leaves the deliveries as they were", async () => {
    const now = new Date();
    const { ids } = await dueDeliveries(3, now);
    expect(await claimDueDeliveries({ now, limit: 0 })).toEqual([]);
    expect(await claimDueDeliveries({ now, limit: -1 })).toEqual([]);
    expect(await untouched(ids)).toBe(true);
    expect((await claimDueDeliveries({ now, limit: 1 })).map((c) => c.delivery.id)).toEqual([ids[0]]);
  });

  it("an explicit empty list of delivery ids claims nothing, though deliveries are due", async () => {
    const now = new Date();
    const { ids } = await dueDeliveries(2, now);
    expect(await claimDueDeliveries({ now, limit: 10, deliveryIds: [] })).toEqual([]);
    expect(await untouched(ids)).toBe(true);
  });

  it("a delivery whose endpoint is deleted right after the claim is dropped from it", async () => {
    const now = new Date();
    const kept = await dueDeliveries(1, now);
    const gone = await dueDeliveries(1, now);
    const db = await getDb();
    // Stands in for a merchant deleting the endpoint between the claim's commit and the read of the endpoints.
    await db.execute(sql`create function test_delete_claimed_endpoint() returns trigger language plpgsql as $$
      begin
        delete from webhook_endpoints where id = ${sql.raw(`'${gone.endpointId}'`)};
        return null;
      end $$`);
    await db.execute(sql`create trigger test_delete_claimed_endpoint after update on webhook_deliveries
      for each statement execute function test_delete_claimed_endpoint()`);
    try {
      const claimed = await claimDueDeliveries({ now, limit: 10 });
      expect(claimed.map((c) => [c.delivery.id, c.endpoint.id])).toEqual([[kept.ids[0], kept.endpointId]]);
    } finally {
      await db.execute(sql`drop trigger test_delete_claimed_endpoint on webhook_deliveries`);
      await db.execute(sql`drop function test_delete_claimed_endpoint()`);
    }
  });

  it("a delivery pass takes the given number of deliveries, or 100 by default, oldest first", async () => {
    const now = new Date();
    const { ids } = await dueDeliveries(102, now);

    expect(await deliverDueWebhooks({ now, limit: 1 })).toEqual({ claimed: 1, succeeded: 1, retrying: 0, failed: 0 });
    expect(await deliverDueWebhooks({ now })).toEqual({ claimed: 100, succeeded: 100, retrying: 0, failed: 0 });
    expect((await claimDueDeliveries({ now, limit: 10 })).map((c) => c.delivery.id)).toEqual([ids[101]]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("claiming on PostgreSQL (several connections)", () => {
  let holder: pg.Client;
  let watcher: pg.Client;
  beforeEach(async () => {
    holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([holder.connect(), watcher.connect()]);
  });
  afterEach(async () => {
    await Promise.all([holder.end(), watcher.end()]);
  });

  /** Resolves once some session of this database waits for a row lock; stops looking when `done` is set. */
  async function someoneWaitsForALock(done: { value: boolean }): Promise<boolean> {
    while (!done.value) {
      const { rows } = await watcher.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      if (rows[0]!.n > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  }

  it("a delivery another instance holds locked is skipped, not waited for", async () => {
    const now = new Date();
    const { ids } = await dueDeliveries(2, now);
    await holder.query("begin");
    await holder.query("select id from webhook_deliveries where id = $1 for update", [ids[0]]);

    const done = { value: false };
    const claiming = claimDueDeliveries({ now, limit: 10 }).finally(() => (done.value = true));
    const blocked = await someoneWaitsForALock(done);
    // Let a blocked claim finish before asserting, so the test fails instead of hanging.
    await holder.query("rollback");
    const claimed = await claiming;

    expect(blocked).toBe(false);
    expect(claimed.map((c) => c.delivery.id)).toEqual([ids[1]]);
  });

  it("two claims at once take disjoint deliveries", async () => {
    const now = new Date();
    const { ids } = await dueDeliveries(6, now);
    const [first, second] = await Promise.all([claimDueDeliveries({ now, limit: 4 }), claimDueDeliveries({ now, limit: 4 })]);
    const claimedIds = [...first!, ...second!].map((c) => c.delivery.id);
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    expect(claimedIds.every((id) => ids.includes(id))).toBe(true);
    expect(claimedIds.length).toBeGreaterThanOrEqual(4);
  });
});
