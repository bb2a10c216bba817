import { describe, expect, it } from "vitest";
import { csvAmount, csvAmountMinor, csvField, csvLine, transactionsCsv } from "@/lib/dashboard/csv";
import { createTestMerchant } from "../helpers/merchant";
import { insertTransaction } from "./seed";

describe("CSV escaping", () => {
  it.each([
    ["plain", "plain"],
    ["with,comma", '"with,comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("writes null as an empty field", () => {
    expect(csvField(null)).toBe("");
  });
});

describe("CSV amounts", () => {
  it("writes riel whole and dollars with cents, with the integer minor units beside them", () => {
    expect(csvAmount("59.00", "KHR")).toBe("59");
    expect(csvAmount("20000.00", "KHR")).toBe("20000");
    expect(csvAmount("5.5", "USD")).toBe("5.50");
    expect(csvAmountMinor("20000.00", "KHR")).toBe("20000");
    expect(csvAmountMinor("5.50", "USD")).toBe("550");
    expect(csvAmount(null, "USD")).toBeNull();
    expect(csvAmountMinor(null, "KHR")).toBeNull();
  });
});

describe("CSV export", () => {
  it("exports the whole filtered set, one line per row, across internal pages", async () => {
    const merchant = await createTestMerchant();
    const start = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 520; i++) {
      await insertTransaction(merchant.userId, {
        createdAt: new Date(start + i * 1000),
        orderId: `O-${i}`,
        status: i < 20 ? "paid" : "pending",
      });
    }
    const evil = await insertTransaction(merchant.userId, {
      createdAt: new Date(start + 600_000),
      orderId: '=cmd|" /C calc"!A0',
      billNumber: "a,b",
    });

    const lines: string[] = [];
    for await (const line of transactionsCsv(merchant.userId, { mode: "test" })) lines.push(line);
    expect(lines[0]).toBe(
      "\uFEFFid,created_at,mode,status,amount,amount_minor,currency,order_id,bill_number,store_label,terminal_label,md5,paid_at,expires_at\r\n",
    );
    expect(lines).toHaveLength(1 + 521);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0","a,b"`);
    expect(lines[1]!.startsWith(evil.id)).toBe(true);

    const paid: string[] = [];
    for await (const line of transactionsCsv(merchant.userId, { mode: "test", status: "paid" })) paid.push(line);
    expect(paid).toHaveLength(1 + 20);
    expect(paid.slice(1).every((line) => line.includes(",test,paid,"))).toBe(true);
  });

  it("csvLine follows the header's column order", async () => {
    const merchant = await createTestMerchant();
    const row = await insertTransaction(merchant.userId, { orderId: "X", amount: "1.50" });
    const line = csvLine({ ...row, storeLabel: null, terminalLabel: null });
    expect(line.split(",").slice(0, 8)).toEqual([row.id, row.createdAt.toISOString(), "test", "pending", "1.50", "150", "USD", "X"]);
  });

  it("opens in Excel as UTF-8: a BOM first, riel whole, a Khmer bill number intact", async () => {
    const merchant = await createTestMerchant();
    await insertTransaction(merchant.userId, { amount: "59.00", currency: "KHR", billNumber: "វិក្កយបត្រ-០០៧" });
    const lines: string[] = [];
    for await (const line of transactionsCsv(merchant.userId, { mode: "test" })) lines.push(line);
    const bytes = new TextEncoder().encode(lines.join(""));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).split("\r\n")[0]).toMatch(/^\uFEFFid,/);
    const [, fields] = lines.map((line) => line.split(","));
    expect(fields!.slice(4, 8)).toEqual(["59", "59", "KHR", ""]);
    expect(fields![8]).toBe("វិក្កយបត្រ-០០៧");
  });
});
