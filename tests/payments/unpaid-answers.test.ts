import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { settleBakongResults, unpaidAnswers } from "@/lib/payments/settle";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertPendingTransactions } from "./pending-transactions";

const notFound = { status: "not_found", raw: { responseCode: 1, errorCode: 1, data: null } } as const;

let merchant: TestMerchant;
beforeAll(async () => {
  merchant = await createTestMerchant();
});

describe("unpaidAnswers (a polling pass's 'not found yet' answers)", () => {
  it("holds answers until a batch is full, then writes them all in one go; flush writes the rest", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const now = new Date(t0.getTime() + 3_000);
    const rows = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 5, createdAt: t0 });
    const unpaid = unpaidAnswers(now, 3);
    const answer = (index: number) => [{ row: rows[index]!, result: notFound }];
    const answeredIds = async () => {
      const db = await getDb();
      const found = await db
        .select({ id: transactions.id, lastAnswerAt: transactions.lastAnswerAt })
        .from(transactions)
        .where(
          inArray(
            transactions.id,
            rows.map((row) => row.id),
          ),
        );
      return found.filter((row) => row.lastAnswerAt !== null).map((row) => row.id);
    };

    expect(await unpaid.add(answer(0))).toEqual([]);
    expect(await unpaid.add(answer(1))).toEqual([]);
    expect(await answeredIds()).toEqual([]);
    const written = await unpaid.add(answer(2));
    expect(written.map((row) => row.id).sort()).toEqual(
      rows
        .slice(0, 3)
        .map((row) => row.id)
        .sort(),
    );
    expect((await answeredIds()).sort()).toEqual(
      rows
        .slice(0, 3)
        .map((row) => row.id)
        .sort(),
    );

    expect(await unpaid.add(answer(3))).toEqual([]);
    expect((await unpaid.flush()).map((row) => row.id)).toEqual([rows[3]!.id]);
    expect(await unpaid.flush()).toEqual([]);
    const db = await getDb();
    const [untouched] = await db.select().from(transactions).where(eq(transactions.id, rows[4]!.id));
    expect(untouched).toMatchObject({ lastAnswerAt: null, nextCheckAt: new Date(t0.getTime() + 3_000) });
  });

  it("never reschedules a row that is no longer pending (paid meanwhile): the write is conditional", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [row] = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 1, createdAt: t0 });
    const db = await getDb();
    await db.update(transactions).set({ status: "paid", paidAt: t0, nextCheckAt: null }).where(eq(transactions.id, row!.id));
    const unpaid = unpaidAnswers(new Date(t0.getTime() + 3_000), 1);
    expect(await unpaid.add([{ row: row!, result: notFound }])).toEqual([]);
    const [after] = await db.select().from(transactions).where(eq(transactions.id, row!.id));
    expect(after).toMatchObject({ status: "paid", nextCheckAt: null, lastAnswerAt: null });
  });
});

describe("settleBakongResults (one call's answers in a polling pass)", () => {
  it("a 'not found yet' answer waits for the pass's batch; an answer past expiry is final at once", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [young, old] = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 2, createdAt: t0 });
    const pastExpiry = new Date(old!.expiresAt!.getTime() + 1);
    const db = await getDb();
    const statusOf = async (id: string) => (await db.select().from(transactions).where(eq(transactions.id, id)))[0]!;

    const youngUnpaid = unpaidAnswers(new Date(t0.getTime() + 3_000), 500);
    expect(await settleBakongResults([{ row: young!, result: notFound }], new Date(t0.getTime() + 3_000), youngUnpaid)).toEqual([]);
    expect((await statusOf(young!.id)).lastAnswerAt).toBeNull();
    expect((await youngUnpaid.flush()).map((row) => row.id)).toEqual([young!.id]);

    const oldUnpaid = unpaidAnswers(pastExpiry, 500);
    expect(await settleBakongResults([{ row: old!, result: notFound }], pastExpiry, oldUnpaid)).toMatchObject([
      { id: old!.id, status: "expired" },
    ]);
    expect(await oldUnpaid.flush()).toEqual([]);
  });
});
