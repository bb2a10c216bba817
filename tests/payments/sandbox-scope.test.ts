import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { POST as verifyRoute } from "@/app/api/v1/transaction/verify/route";
import { POST as sandboxPayRoute } from "@/app/api/v1/sandbox/transactions/pay/route";
import { getDb } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { createWebhookEndpoint } from "@/lib/webhooks";
import { call } from "../helpers/api";
import { createTestMerchant } from "../helpers/merchant";

describe("the sandbox ledger belongs to one account", () => {
  it("merchant B paying its static QR never marks A's identical static QR paid, fires no webhook of A's, and its receipt verifies only for B", async () => {
    // Same profile, so the same static QR string and md5 for both accounts.
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    await createWebhookEndpoint(a.userId, { url: "https://a.example/hook", mode: "test" });
    const qrA = await call(createQrRoute, { key: a.testKey.key, body: {} });
    const qrB = await call(createQrRoute, { key: b.testKey.key, body: {} });
    expect(qrB.body.md5).toBe(qrA.body.md5);

    const paid = await call(sandboxPayRoute, { key: b.testKey.key, body: { md5: qrB.body.md5, amount: 5 } });
    expect(paid.status).toBe(200);

    const checkA = await call(checkRoute, { key: a.testKey.key, body: { md5: qrA.body.md5 } });
    expect(checkA.body.status).toBe("static");
    const db = await getDb();
    const [deliveries] = await db
      .select({ n: count() })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookEndpoints.userId, a.userId));
    expect(deliveries?.n).toBe(0);

    const receipt = { hash: paid.body.hash };
    expect((await call(verifyRoute, { key: a.testKey.key, body: receipt })).body.verified).toBe(false);
    expect((await call(verifyRoute, { key: b.testKey.key, body: receipt })).body.verified).toBe(true);
  });
});
