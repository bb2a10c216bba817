import { describe, expect, it } from "vitest";
import { csvAmount, csvAmountMinor, csvChunks, csvDownload, csvField, csvLine } from "@/lib/dashboard/csv";
import { transactionsCsv } from "@/lib/dashboard/transactions-csv";
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

async function chunksOf(chunks: AsyncGenerator<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

const linesOf = (chunks: string[]) => chunks.join("").split("\r\n").slice(0, -1);

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

    const lines = linesOf(await chunksOf(transactionsCsv(merchant.userId, { mode: "test" }, 100)));
    expect(lines[0]).toBe(
      "\uFEFFid,created_at,mode,status,amount,amount_minor,currency,order_id,bill_number,store_label,terminal_label,md5,paid_at,expires_at,payment_link_id",
    );
    expect(lines).toHaveLength(1 + 521);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0","a,b"`);
    expect(lines[1]!.startsWith(evil.id)).toBe(true);
    expect(lines.slice(2).map((line) => line.split(",")[7])).toEqual(Array.from({ length: 520 }, (_, i) => `O-${519 - i}`));

    const paid = linesOf(await chunksOf(transactionsCsv(merchant.userId, { mode: "test", status: "paid" })));
    expect(paid).toHaveLength(1 + 20);
    expect(paid.slice(1).every((line) => line.includes(",test,paid,"))).toBe(true);
  });

  it("streams one chunk per page (the header first), and no empty chunk when the rows fill the last page exactly", async () => {
    const merchant = await createTestMerchant();
    const start = Date.parse("2026-02-01T00:00:00Z");
    for (let i = 0; i < 250; i++) await insertTransaction(merchant.userId, { createdAt: new Date(start + i * 1000) });

    const chunks = await chunksOf(transactionsCsv(merchant.userId, { mode: "test" }, 100));
    expect(chunks.map((chunk) => chunk.split("\r\n").length - 1)).toEqual([1, 100, 100, 50]);
    expect(
      (await chunksOf(transactionsCsv(merchant.userId, { mode: "test" }, 125))).map((chunk) => chunk.split("\r\n").length - 1),
    ).toEqual([1, 125, 125]);
  });

  it("rows created in the same instant are each exported once, whichever page boundary falls among them", async () => {
    const merchant = await createTestMerchant();
    const instant = new Date("2026-03-01T10:00:00.123Z");
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) ids.add((await insertTransaction(merchant.userId, { createdAt: instant })).id);
    for (const pageSize of [1, 7, 29, 30]) {
      const lines = linesOf(await chunksOf(transactionsCsv(merchant.userId, { mode: "test" }, pageSize))).slice(1);
      expect(new Set(lines.map((line) => line.split(",")[0]))).toEqual(ids);
      expect(lines).toHaveLength(30);
    }
  });

  it("each line follows the header's column order, times as toISOString writes them", async () => {
    const merchant = await createTestMerchant();
    const createdAt = new Date("2026-05-01T03:04:05.678Z");
    const row = await insertTransaction(merchant.userId, { orderId: "X", amount: "1.50", status: "paid", createdAt });
    const [, line] = linesOf(await chunksOf(transactionsCsv(merchant.userId, { mode: "test" })));
    expect(line!.split(",")).toEqual([
      row.id,
      createdAt.toISOString(),
      "test",
      "paid",
      "1.50",
      "150",
      "USD",
      "X",
      "",
      "",
      "",
      row.md5,
      row.paidAt!.toISOString(),
      row.expiresAt!.toISOString(),
      "",
    ]);
  });

  it("csvLine writes the columns in order, each field escaped", () => {
    const columns = [
      { header: "a", value: (row: string[]) => row[0]! },
      { header: "b", value: (row: string[]) => row[1] ?? null },
    ];
    expect(csvLine(columns, ["=1", "x,y"])).toBe(`'=1,"x,y"\r\n`);
    expect(csvLine(columns, ["plain"])).toBe("plain,\r\n");
  });

  it("PostgreSQL guards and quotes a merchant's text exactly as csvField does", async () => {
    const merchant = await createTestMerchant();
    const texts = ["=1", "+1", "-1", "@a", "\tx", "\rx", "a\nb", 'q"q', "a,b", "plain", "'=x", "ក្រុម=1", " =1"];
    for (const [index, text] of texts.entries()) {
      await insertTransaction(merchant.userId, {
        orderId: `O-${index}`,
        billNumber: text,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
      });
    }
    const csv = (await chunksOf(transactionsCsv(merchant.userId, { mode: "test" }))).join("");
    for (const [index, text] of texts.entries()) expect(csv).toContain(`,O-${index},${csvField(text)},`);
  });

  it("opens in Excel as UTF-8: a BOM first, riel whole, a Khmer bill number intact", async () => {
    const merchant = await createTestMerchant();
    await insertTransaction(merchant.userId, { amount: "59.00", currency: "KHR", billNumber: "វិក្កយបត្រ-០០៧" });
    const csv = (await chunksOf(transactionsCsv(merchant.userId, { mode: "test" }))).join("");
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).split("\r\n")[0]).toMatch(/^\uFEFFid,/);
    const [, fields] = csv.split("\r\n").map((line) => line.split(","));
    expect(fields!.slice(4, 8)).toEqual(["59", "59", "KHR", ""]);
    expect(fields![8]).toBe("វិក្កយបត្រ-០០៧");
  });
});

describe("csvDownload (the streamed response)", () => {
  it("sends each chunk as it comes, with the download headers", async () => {
    const response = csvDownload("khqr-test.csv", csvChunks([{ header: "n", value: (n: number) => String(n) }], pagesOf([[1, 2], [3]])));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="khqr-test.csv"');
    expect(await response.text()).toBe("n\r\n1\r\n2\r\n3\r\n");
  });

  it("a client that disconnects ends the export: no further page is read", async () => {
    const read: number[] = [];
    let ended = false;
    async function* pages(): AsyncGenerator<number[]> {
      try {
        for (let page = 0; page < 1_000; page++) {
          read.push(page);
          yield [page];
        }
      } finally {
        ended = true;
      }
    }
    const response = csvDownload("khqr-test.csv", csvChunks([{ header: "n", value: (n: number) => String(n) }], pages()));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(ended).toBe(true);
    // The stream reads at most one chunk ahead of the client.
    expect(read.length).toBeLessThanOrEqual(3);
  });

  it("a disconnect in the middle of a real export stops its queries", async () => {
    const merchant = await createTestMerchant();
    for (let i = 0; i < 30; i++) await insertTransaction(merchant.userId, { createdAt: new Date(Date.parse("2026-04-01T00:00:00Z") + i) });
    const chunks = transactionsCsv(merchant.userId, { mode: "test" }, 5);
    const reader = csvDownload("x.csv", chunks).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(await chunks.next()).toEqual({ done: true, value: undefined });
  });
});

async function* pagesOf<Row>(pages: Row[][]): AsyncGenerator<Row[]> {
  for (const page of pages) yield page;
}
