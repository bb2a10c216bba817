import { beforeAll, describe, expect, it } from "vitest";
import { transactionsCsv } from "@/lib/dashboard/transactions-csv";
import { listTransactions } from "@/lib/dashboard/transactions";
import { parseTransactionFilters } from "@/lib/dashboard/transaction-filters";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertTransaction } from "./seed";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
  for (let i = 0; i < 3; i++)
    await insertTransaction(merchant.userId, { createdAt: new Date(Date.parse("2026-03-01T00:00:00Z") + i * 1000) });
});

const cursorOf = (time: string) => Buffer.from(JSON.stringify([time, "00000000-0000-4000-8000-000000000000"])).toString("base64url");

async function csvOf(query: Record<string, string>): Promise<string> {
  let text = "";
  for await (const line of transactionsCsv(merchant.userId, parseTransactionFilters(query, "test"))) text += line;
  return text;
}

describe("impossible filter values are ignored, never an error", () => {
  it.each([
    ["from", "0000-01-01"],
    ["to", "0000-01-01"],
    ["from", "2024-02-31"],
    ["to", "2023-02-29"],
    ["from", "2024-13-01"],
    ["from", "2024-00-10"],
    ["q", "\u0000"],
    ["q", "INV-\ud800"],
  ])("%s=%j is dropped", async (name, value) => {
    expect(parseTransactionFilters({ [name]: value }, "test")).toEqual({ mode: "test" });
    const page = await listTransactions(merchant.userId, parseTransactionFilters({ [name]: value }, "test"), {}, 10);
    expect(page.rows).toHaveLength(3);
  });

  it("keeps real dates, leap days included", () => {
    expect(parseTransactionFilters({ from: "2024-02-29", to: "2026-12-31" }, "test")).toEqual({
      mode: "test",
      from: "2024-02-29",
      to: "2026-12-31",
    });
  });

  it.each(["2024-02-31 00:00:00+00", "0000-01-01 00:00:00+00", "2024-01-01 24:00:00+00", "2024-01-01 10:61:00+00"])(
    "a cursor holding %j starts from the newest row",
    async (time) => {
      for (const position of [{ after: cursorOf(time) }, { before: cursorOf(time) }]) {
        const page = await listTransactions(merchant.userId, parseTransactionFilters({}, "test"), position, 10);
        expect(page.rows).toHaveLength(3);
      }
    },
  );

  it("the CSV of an impossible filter is the whole, unfiltered export, never cut off", async () => {
    const whole = await csvOf({});
    expect(whole.split("\r\n")).toHaveLength(5);
    const queries: Record<string, string>[] = [{ from: "0000-01-01" }, { to: "2024-02-31" }, { q: "\u0000" }];
    for (const query of queries) expect(await csvOf(query)).toBe(whole);
  });
});
