import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { databaseTarget, getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import { claimDueTransactions, POLL_LEASE_MS } from "@/lib/payments/claim-due";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertPendingTransactions } from "./pending-transactions";

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let merchant: TestMerchant;
beforeAll(async () => {
  merchant = await createTestMerchant();
});
beforeEach(async () => {
  // Each test claims only its own transactions.
  const db = await getDb();
  await db.update(transactions).set({ nextCheckAt: null }).where(eq(transactions.status, "pending"));
});
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Live pending transactions created at `createdAt`, due at the given instants (one row each). Rows are
 * written in the order given, so the row physically first is not the one a claim should take first.
 */
async function dueRows(createdAt: Date, dueAt: Date[]): Promise<Transaction[]> {
  const rows = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: dueAt.length, createdAt });
  const db = await getDb();
  for (const [index, row] of rows.entries()) {
    await db.update(transactions).set({ nextCheckAt: dueAt[index]! }).where(eq(transactions.id, row.id));
  }
  return rows;
}

async function reload(rows: Transaction[]): Promise<Transaction[]> {
  const db = await getDb();
  return db
    .select()
    .from(transactions)
    .where(
      inArray(
        transactions.id,
        rows.map((row) => row.id),
      ),
    );
}

const ids = (rows: Transaction[]) => rows.map((row) => row.id);

describe("claimDueTransactions", () => {
  it("when more is due than the limit: young QRs first (80% of the limit, soonest due first), then the longest overdue", async () => {
    const now = new Date(Date.now() - 1_000);
    // Written most overdue last: a claim that kept the database's order would come out reversed.
    const old = await dueRows(at(now, -600_000), [at(now, -10_000), at(now, -20_000), at(now, -30_000), at(now, -40_000)]);
    const young = await dueRows(at(now, -60_000), [at(now, -1_000), at(now, -2_000), at(now, -3_000), at(now, -4_000), at(now, -5_000)]);

    const claimed = await claimDueTransactions({ now, limit: 5, mode: "live" });

    // ceil(5 × 0.8) = 4 young QRs, then the single longest-overdue row of the rest.
    expect(ids(claimed)).toEqual([young[4]!.id, young[3]!.id, young[2]!.id, young[1]!.id, old[3]!.id]);
    for (const row of claimed) expect(row).toMatchObject({ leasedUntil: at(now, POLL_LEASE_MS), lastCheckedAt: now, checkCount: 1 });
    const left = (await reload([...old, ...young])).filter((row) => !ids(claimed).includes(row.id));
    expect(left).toHaveLength(4);
    for (const row of left) expect(row).toMatchObject({ leasedUntil: null, checkCount: 0 });
  });

  it("a QR more than two minutes old is not young: with nothing young due, the longest overdue go first, in that order", async () => {
    const now = new Date(Date.now() - 1_000);
    const old = await dueRows(at(now, -121_000), [at(now, -1_000), at(now, -2_000), at(now, -3_000)]);

    expect(ids(await claimDueTransactions({ now, limit: 2, mode: "live" }))).toEqual([old[2]!.id, old[1]!.id]);
  });

  describe("a claim of one row is young with probability 0.8", () => {
    async function oneOldOneYoung(now: Date) {
      const [old] = await dueRows(at(now, -600_000), [at(now, -60_000)]);
      const [young] = await dueRows(at(now, -30_000), [at(now, -1_000)]);
      return { old: old!, young: young! };
    }
    async function claimOneWithDraw(now: Date, draw: number): Promise<Transaction[]> {
      vi.spyOn(Math, "random").mockReturnValue(draw);
      try {
        return await claimDueTransactions({ now, limit: 1, mode: "live" });
      } finally {
        vi.restoreAllMocks();
      }
    }

    it("a draw below 0.8 takes the young QR", async () => {
      const now = new Date(Date.now() - 1_000);
      const { young } = await oneOldOneYoung(now);
      expect(ids(await claimOneWithDraw(now, 0.1))).toEqual([young.id]);
    });

    it("a draw of 0.8 or more takes the longest overdue", async () => {
      const now = new Date(Date.now() - 1_000);
      const { old } = await oneOldOneYoung(now);
      expect(ids(await claimOneWithDraw(now, 0.8))).toEqual([old.id]);
    });
  });

  it("a limit of zero or less claims nothing and leases nothing", async () => {
    const now = new Date(Date.now() - 1_000);
    const rows = [...(await dueRows(at(now, -600_000), [at(now, -5_000)])), ...(await dueRows(at(now, -30_000), [at(now, -1_000)]))];

    expect(await claimDueTransactions({ now, limit: 0, mode: "live" })).toEqual([]);
    expect(await claimDueTransactions({ now, limit: -1, mode: "live" })).toEqual([]);

    for (const row of await reload(rows)) expect(row).toMatchObject({ leasedUntil: null, checkCount: 0 });
  });

  describe.skipIf(databaseTarget().kind !== "postgres")(
    "alongside another poller's claim (PostgreSQL: PGlite is a single connection)",
    () => {
      let other: pg.Client | undefined;
      afterEach(async () => {
        await other?.end();
        other = undefined;
      });

      it("skips the rows that claim has locked, young and old, instead of waiting for it", async () => {
        const now = new Date(Date.now() - 1_000);
        const old = await dueRows(at(now, -600_000), [at(now, -40_000), at(now, -30_000), at(now, -20_000), at(now, -10_000)]);
        const young = await dueRows(at(now, -30_000), [at(now, -4_000), at(now, -3_000), at(now, -2_000), at(now, -1_000)]);
        const locked = [old[0]!, old[1]!, young[0]!, young[1]!];
        other = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await other.connect();
        await other.query("begin");
        await other.query("select id from transactions where id = any($1::uuid[]) for update", [ids(locked)]);

        const claimed = await claimDueTransactions({ now, limit: 10, mode: "live" });

        expect(ids(claimed)).toEqual([young[2]!.id, young[3]!.id, old[2]!.id, old[3]!.id]);
        await other.query("commit");
      });
    },
  );
});
