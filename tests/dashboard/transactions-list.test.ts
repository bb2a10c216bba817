import { beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, listTransactions } from "@/lib/dashboard/transactions";
import { parseTransactionFilters } from "@/lib/dashboard/transaction-filters";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertTransaction } from "./seed";

let merchant: TestMerchant;
let other: TestMerchant;
const base = Date.parse("2026-05-13T03:00:00Z"); // 10:00 in Cambodia

beforeAll(async () => {
  merchant = await createTestMerchant();
  other = await createTestMerchant();
  // 30 test transactions one minute apart, the newest last; a few live and KHR ones, and the neighbour's.
  for (let i = 0; i < 30; i++) {
    await insertTransaction(merchant.userId, {
      createdAt: new Date(base + i * 60_000),
      status: i % 3 === 0 ? "paid" : i % 3 === 1 ? "pending" : "expired",
      currency: i % 5 === 0 ? "KHR" : "USD",
      amount: i % 5 === 0 ? "4000" : "1.50",
      orderId: `ORDER-${String(i).padStart(3, "0")}`,
      billNumber: i === 7 ? "INV-SPECIAL" : null,
    });
  }
  await insertTransaction(merchant.userId, { mode: "live", createdAt: new Date(base), orderId: "LIVE-1" });
  await insertTransaction(other.userId, { createdAt: new Date(base + 5_000), orderId: "ORDER-001" });
});

const filters = (query: Record<string, string> = {}) => parseTransactionFilters(query, "test");

describe("listTransactions", () => {
  it("pages through every row exactly once, newest first, forwards and back", async () => {
    const seen: string[] = [];
    const pages = [];
    let after: string | undefined;
    for (;;) {
      const page = await listTransactions(merchant.userId, filters(), { after }, 7);
      pages.push(page);
      seen.push(...page.rows.map((row) => row.orderId ?? ""));
      if (!page.olderCursor) break;
      after = page.olderCursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen[0]).toBe("ORDER-029");
    expect(seen.at(-1)).toBe("ORDER-000");
    expect(pages[0]!.newerCursor).toBeNull();

    // Going back from the last page gives the previous page again, in the same order.
    const last = pages.at(-1)!;
    const back = await listTransactions(merchant.userId, filters(), { before: last.newerCursor! }, 7);
    expect(back.rows.map((row) => row.orderId)).toEqual(pages.at(-2)!.rows.map((row) => row.orderId));
    expect(back.olderCursor).not.toBeNull();
  });

  it("filters by status, currency, mode, date range and search", async () => {
    const paid = await listTransactions(merchant.userId, filters({ status: "paid" }), {}, 100);
    expect(paid.rows).toHaveLength(10);
    expect(paid.rows.every((row) => row.status === "paid")).toBe(true);

    const khr = await listTransactions(merchant.userId, filters({ currency: "KHR" }), {}, 100);
    expect(khr.rows.map((row) => row.currency)).toEqual(Array(6).fill("KHR"));

    const live = await listTransactions(merchant.userId, filters({ mode: "live" }), {}, 100);
    expect(live.rows.map((row) => row.orderId)).toEqual(["LIVE-1"]);

    expect((await listTransactions(merchant.userId, filters({ from: "2026-05-13", to: "2026-05-13" }), {}, 100)).rows).toHaveLength(30);
    expect((await listTransactions(merchant.userId, filters({ from: "2026-05-14" }), {}, 100)).rows).toHaveLength(0);
    expect((await listTransactions(merchant.userId, filters({ to: "2026-05-12" }), {}, 100)).rows).toHaveLength(0);

    expect((await listTransactions(merchant.userId, filters({ q: "ORDER-02" }), {}, 100)).rows).toHaveLength(10);
    expect((await listTransactions(merchant.userId, filters({ q: "INV-SPECIAL" }), {}, 100)).rows.map((row) => row.orderId)).toEqual([
      "ORDER-007",
    ]);
    const [one] = (await listTransactions(merchant.userId, filters({ q: "ORDER-011" }), {}, 1)).rows;
    expect((await listTransactions(merchant.userId, filters({ q: one!.md5.toUpperCase() }), {}, 100)).rows.map((row) => row.id)).toEqual([
      one!.id,
    ]);
    // LIKE wildcards in a search are literal characters.
    expect((await listTransactions(merchant.userId, filters({ q: "%" }), {}, 100)).rows).toHaveLength(0);
  });

  it("never returns another merchant's rows, whatever the filters", async () => {
    const mine = await listTransactions(merchant.userId, filters({ q: "ORDER-001" }), {}, 100);
    expect(mine.rows).toHaveLength(1);
    const theirs = await listTransactions(other.userId, filters(), {}, 100);
    expect(theirs.rows.map((row) => row.orderId)).toEqual(["ORDER-001"]);
    const merchantIds = new Set((await listTransactions(merchant.userId, filters(), {}, 100)).rows.map((row) => row.id));
    expect(merchantIds.has(theirs.rows[0]!.id)).toBe(false);
  });

  it("ignores malformed query parameters and cursors instead of failing", async () => {
    expect(parseTransactionFilters({ status: "bogus", currency: "EUR", from: "yesterday", mode: "prod" }, "test")).toEqual({
      mode: "test",
    });
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(
      decodeCursor(Buffer.from(JSON.stringify(["2026-01-01 00:00:00+00", "'; drop table users; --"])).toString("base64url")),
    ).toBeNull();
    const page = await listTransactions(merchant.userId, filters(), { after: "garbage" }, 5);
    expect(page.rows[0]!.orderId).toBe("ORDER-029");
  });
});
