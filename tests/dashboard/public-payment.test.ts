import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { POST as byOrderRoute } from "@/app/api/v1/transaction/by-order/route";
import { GET as payStatusRoute } from "@/app/pay/[id]/status/route";
import { API_RATE_LIMITS } from "@/lib/config/rate-limits";
import { getPublicPayment, getPublicPaymentStatus } from "@/lib/dashboard/public-payment";
import { call } from "../helpers/api";
import { createTestMerchant } from "../helpers/merchant";

const statusOf = (id: string, address: string) =>
  payStatusRoute(new Request(`http://localhost/pay/${id}/status`, { headers: { "x-forwarded-for": address } }), {
    params: Promise.resolve({ id }),
  });

describe("the public payment page is reached by an unguessable id, never the md5", () => {
  it("create, check and by-order answer the page's absolute pay_url, built from APP_URL", async () => {
    process.env.APP_URL = "https://pay.example.com";
    try {
      const merchant = await createTestMerchant();
      const created = await call(createQrRoute, {
        key: merchant.testKey.key,
        body: { amount: 3, order_id: "PAGE-1" },
        headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
      });
      const payUrl = created.body.pay_url as string;
      expect(payUrl).toMatch(/^https:\/\/pay\.example\.com\/pay\/[0-9a-f]{64}$/);
      const check = await call(checkRoute, { key: merchant.testKey.key, body: { md5: created.body.md5 } });
      const byOrder = await call(byOrderRoute, { key: merchant.testKey.key, body: { order_id: "PAGE-1" } });
      expect(check.body.pay_url).toBe(payUrl);
      expect(byOrder.body.pay_url).toBe(payUrl);

      const publicId = payUrl.split("/").pop()!;
      expect((await getPublicPayment(publicId))?.md5).toBe(created.body.md5);
      expect(await getPublicPayment(created.body.md5 as string)).toBeNull();
      expect(await getPublicPaymentStatus(created.body.md5 as string)).toBeNull();
    } finally {
      delete process.env.APP_URL;
    }
  });

  it("two QRs never share a page id, static ones with the same md5 included", async () => {
    const merchant = await createTestMerchant();
    const first = await call(createQrRoute, { key: merchant.testKey.key, body: {} });
    const second = await call(createQrRoute, { key: merchant.testKey.key, body: {} });
    expect(second.body.md5).toBe(first.body.md5);
    expect(second.body.pay_url).not.toBe(first.body.pay_url);
  });

  it("the status route is limited per client address (429), other addresses unaffected", async () => {
    const merchant = await createTestMerchant();
    const created = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 1 } });
    const id = (created.body.pay_url as string).split("/").pop()!;
    const prober = `prober-${randomUUID()}`;
    for (let i = 0; i < API_RATE_LIMITS.pay_page.requestsPerMinute; i++) {
      expect((await statusOf(i % 2 === 0 ? id : "f".repeat(64), prober)).status).not.toBe(429);
    }
    const refused = await statusOf(id, prober);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toBe("rate_limit_exceeded");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await statusOf(id, `other-${randomUUID()}`)).status).toBe(200);
  });
});
