import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { createQr, simulatePayment } from "@/lib/payments";
import { simulateStaticQrPayment } from "@/lib/dashboard/simulate";
import {
  listVerifiedPayments,
  paymentsOfStaticQr,
  verifiedPaymentsCsv,
  verifyReceiptForm,
  verifyReceiptOnDashboard,
} from "@/lib/dashboard/receipts";
import { createTestMerchant } from "../helpers/merchant";

async function csvOf(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}

describe("the dashboard's Verify a receipt", () => {
  it("reads a form: blank amount and currency are absent, one message per field", () => {
    expect(verifyReceiptForm.parse({ hash: "AB".repeat(32), amount: "", currency: "", mode: "test", $ACTION_ID_1: "" })).toEqual({
      hash: "ab".repeat(32),
      mode: "test",
    });
    const refused = verifyReceiptForm.safeParse({ hash: "abcd1234", amount: "", currency: "USD", mode: "live" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["amount", "amount is required with an 8-character short hash"],
    ]);
  });

  it("records the first verification as the dashboard's, lists it with its static QR, exports it, and flags the second showing", async () => {
    const merchant = await createTestMerchant();
    const staticQr = await createQr(merchant.test, { currency: "KHR" });
    const paid = await simulatePayment(merchant.test, { md5: staticQr.md5, amount: 12000 });

    const first = await verifyReceiptOnDashboard(merchant.userId, {
      hash: paid.short_hash,
      amount: "12000",
      currency: "KHR",
      mode: "test",
    });
    expect(first).toMatchObject({ verified: true, already_verified: false, first_verified_by: { source: "dashboard", api_key_id: null } });
    const second = await verifyReceiptOnDashboard(merchant.userId, { hash: paid.hash, mode: "test" });
    expect(second).toMatchObject({ verified: true, already_verified: true, first_verified_at: first.first_verified_at });

    const [listed] = await listVerifiedPayments(merchant.userId, "test");
    expect(listed).toMatchObject({
      hash: paid.hash,
      amount: "12000.00",
      currency: "KHR",
      verifiedBy: "Dashboard",
      staticQrMd5: staticQr.md5,
    });
    expect(await listVerifiedPayments(merchant.userId, "live")).toEqual([]);
    const db = await getDb();
    const [qrRow] = await db.select({ id: transactions.id }).from(transactions).where(eq(transactions.md5, staticQr.md5));
    expect((await paymentsOfStaticQr(merchant.userId, qrRow!.id)).map((payment) => payment.hash)).toEqual([paid.hash]);
    expect(await paymentsOfStaticQr((await createTestMerchant()).userId, qrRow!.id)).toEqual([]);

    const csv = (await csvOf(verifiedPaymentsCsv(merchant.userId, "test"))).split("\r\n");
    expect(csv[0]).toBe("\uFEFFverified_at,verified_by,hash,amount,amount_minor,currency,paid_at,from_account_id,static_qr_md5");
    // Riel whole, as people write it; the minor units beside it.
    expect(csv[1]).toContain(`,Dashboard,${paid.hash},12000,12000,KHR,`);
    expect(csv[1]!.endsWith(staticQr.md5)).toBe(true);

    const other = await createTestMerchant();
    expect(await csvOf(verifiedPaymentsCsv(other.userId, "test"))).not.toContain(paid.hash);
  });

  it("simulates a customer paying a test static QR from its page, for its owner only", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    // A static QR's string (and md5) is the same in both modes: the mode tells the rows apart.
    const idOf = async (md5: string, mode: "live" | "test") =>
      (
        await db
          .select({ id: transactions.id })
          .from(transactions)
          .where(and(eq(transactions.md5, md5), eq(transactions.mode, mode)))
      )[0]!.id;
    const testQr = await idOf((await createQr(merchant.test, {})).md5, "test");
    const receipt = await simulateStaticQrPayment(merchant.userId, testQr, "2.50");
    expect(receipt).toMatchObject({ type: "static", amount: 2.5, currency: "USD", short_hash: receipt.hash.slice(0, 8) });
    const liveQr = await idOf((await createQr(merchant.live, {})).md5, "live");
    await expect(simulateStaticQrPayment(merchant.userId, liveQr, "2.50")).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await createTestMerchant();
    await expect(simulateStaticQrPayment(stranger.userId, testQr, "2.50")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the verified receipts' CSV", () => {
  it("pages by the exact time: receipts verified in the same millisecond are each exported once, one chunk per page", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    // Microseconds apart within one millisecond: a cursor kept as a JS Date (milliseconds) would skip some.
    await db.execute(sql`
      insert into verified_payments (id, user_id, mode, hash, amount, currency, to_account_id, source, created_at)
      select gen_random_uuid(), ${merchant.userId}, 'test', md5(n::text), '1.00', 'USD', 'coffee_shop@aclb', 'dashboard',
             '2026-03-01T10:00:00.123Z'::timestamptz + make_interval(secs => n / 1000000.0)
      from generate_series(1, 25) as n`);
    const chunks: string[] = [];
    for await (const chunk of verifiedPaymentsCsv(merchant.userId, "test", 4)) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.split("\r\n").length - 1)).toEqual([1, 4, 4, 4, 4, 4, 4, 1]);
    const hashes = chunks
      .join("")
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[2]);
    expect(new Set(hashes).size).toBe(25);
  });
});
