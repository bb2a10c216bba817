import { describe, expect, it } from "vitest";
import { createQr } from "@/lib/payments";
import { transactionCount } from "../helpers/db";
import { createTestMerchant } from "../helpers/merchant";

// Its own file: the QR insert is prepared once per database, by the file's first QR, so this file's
// first two QRs are the colliding ones.
describe("an md5 collision between two orders", () => {
  it("retries the second order under a new md5 rather than replaying it as the first", async () => {
    const merchant = await createTestMerchant();
    const instant = new Date();
    const first = await createQr(merchant.test, { amount: 4, order_id: "FIRST-1" }, () => instant);
    const second = await createQr(merchant.test, { amount: 4, order_id: "FIRST-2" }, () => instant);
    expect(first).toMatchObject({ order_id: "FIRST-1", idempotent_replay: false });
    expect(second).toMatchObject({ order_id: "FIRST-2", idempotent_replay: false, status: "pending" });
    expect(second.md5).not.toBe(first.md5);
    expect(await transactionCount(merchant.userId)).toBe(2);
  });
});
