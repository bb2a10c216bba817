import { createHmac, timingSafeEqual } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PAYMENT_LINK_VERIFY_FUNCTION } from "@/app/docs/examples";
import * as collection from "@/app/api/v1/payment-links/route";
import * as single from "@/app/api/v1/payment-links/[id]/route";
import { getDb } from "@/lib/db";
import { paymentLinks, transactions, usageDaily } from "@/lib/db/schema";
import {
  createPaymentLink,
  deactivatePaymentLink,
  findPublicLink,
  isSlug,
  linkPaymentSuccess,
  newBrowserId,
  newSlug,
  startLinkPayment,
  type CreatePaymentLinkRequest,
} from "@/lib/links";
import { checkTransaction, simulatePayment } from "@/lib/payments";
import { transactionsCsv } from "@/lib/dashboard/transactions-csv";
import { parseTransactionFilters } from "@/lib/dashboard/transaction-filters";
import { transactionEventBody } from "@/lib/webhooks";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;
beforeAll(async () => {
  merchant = await createTestMerchant();
});

const fixed = (overrides: Partial<CreatePaymentLinkRequest> = {}): CreatePaymentLinkRequest => ({
  title: "Iced latte",
  currency: "USD",
  amount: 2.5,
  reusable: true,
  ...overrides,
});
const slugOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function linkCount(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(paymentLinks).where(eq(paymentLinks.userId, userId));
  return row!.n;
}

async function transactionsOfLink(linkId: string) {
  const db = await getDb();
  return db.select().from(transactions).where(eq(transactions.paymentLinkId, linkId));
}

async function pay(publicId: string) {
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.publicId, publicId));
  await simulatePayment(merchant.test, { md5: row!.md5 });
  await checkTransaction(merchant.test, row!.md5);
  return row!;
}

describe("slugs", () => {
  it("are 24 base62 characters (about 143 random bits), never repeated", () => {
    const slugs = new Set(Array.from({ length: 5000 }, newSlug));
    expect(slugs.size).toBe(5000);
    for (const slug of slugs) expect(isSlug(slug)).toBe(true);
    const characters = new Set([...slugs].join(""));
    expect(characters.size).toBe(62);
    expect(isSlug("short")).toBe(false);
    expect(isSlug(`${newSlug().slice(1)}-`)).toBe(false);
  });
});

describe("the /api/v1/payment-links routes", () => {
  it("create a fixed-amount link answered with its id and absolute url, then list, get and deactivate it", async () => {
    const created = await call(collection.POST, {
      key: merchant.testKey.key,
      body: { title: "Iced latte", currency: "USD", amount: 2.5, success_url: "https://shop.example.com/thanks" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      title: "Iced latte",
      amount: 2.5,
      min_amount: null,
      reusable: true,
      status: "active",
      mode: "test",
    });
    expect(String(created.body.url)).toMatch(/^http:\/\/localhost:\d+\/l\/[0-9A-Za-z]{24}$/);
    const id = String(created.body.id);

    const listed = await call(collection.GET, { key: merchant.testKey.key });
    expect((listed.body.data as { id: string }[]).map((link) => link.id)).toContain(id);
    // The live key sees the live mode's links only.
    const live = await call(collection.GET, { key: merchant.liveKey.key });
    expect((live.body.data as { id: string }[]).map((link) => link.id)).not.toContain(id);

    const url = `http://localhost/api/v1/payment-links/${id}`;
    expect((await call(single.GET, { key: merchant.testKey.key, url })).body.id).toBe(id);
    const patched = await call(single.PATCH, { key: merchant.testKey.key, url, method: "PATCH", body: { active: false } });
    expect(patched.status).toBe(200);
    expect(patched.body.status).toBe("deactivated");
  });

  it("create a customer-chosen link with bounds", async () => {
    const created = await call(collection.POST, {
      key: merchant.testKey.key,
      body: { title: "Tip", currency: "KHR", min_amount: 1000, max_amount: "50000" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ amount: null, min_amount: 1000, max_amount: 50000, currency: "KHR" });
  });

  it.each([
    [{ title: "X", currency: "USD", amount: 5, min_amount: 1 }, "min_amount"],
    [{ title: "X", currency: "USD", min_amount: 10, max_amount: 5 }, "max_amount"],
    [{ title: "X", currency: "KHR", amount: 100.5 }, "KHR"],
    [{ title: "X", currency: "USD", amount: -1 }, "positive"],
    [{ title: "X", currency: "USD", amount: 0 }, "positive"],
    [{ title: "", currency: "USD" }, "title"],
    [{ title: "X", currency: "EUR" }, "currency"],
    [{ title: "X", currency: "USD", success_url: "javascript:alert(1)" }, "success_url"],
    [{ title: "X", currency: "USD", expires_at: "2001-01-01T00:00:00Z" }, "future"],
    [{ title: "X", currency: "USD", surprise: true }, "surprise"],
    [{ title: "X\u0000", currency: "USD" }, "NUL"],
  ])("refuse %j with 400 invalid_input and write nothing", async (body, mentions) => {
    const before = await linkCount(merchant.userId);
    const answer = await call(collection.POST, { key: merchant.testKey.key, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_input");
    expect(String(answer.body.message)).toContain(mentions);
    expect(await linkCount(merchant.userId)).toBe(before);
  });

  it("refuse a link before the merchant profile exists (400 merchant_not_configured, nothing written)", async () => {
    const bare = await createTestMerchant(null);
    const answer = await call(collection.POST, { key: bare.testKey.key, body: { title: "X", currency: "USD" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("merchant_not_configured");
    expect(await linkCount(bare.userId)).toBe(0);
  });

  it("answer 404 for another account's link, an unknown id, and a malformed one", async () => {
    const other = await createTestMerchant();
    const theirs = await createPaymentLink(other.test, fixed());
    for (const id of [theirs.id, "3b8f6a2e-1c4d-4e5f-9a7b-2c3d4e5f6a7b", "not-a-uuid"]) {
      const url = `http://localhost/api/v1/payment-links/${id}`;
      const got = await call(single.GET, { key: merchant.testKey.key, url });
      expect(got.status).toBe(404);
      expect(got.body.error).toBe("not_found");
      const patched = await call(single.PATCH, { key: merchant.testKey.key, url, method: "PATCH", body: { active: false } });
      expect(patched.status).toBe(404);
    }
    expect((await findPublicLink(slugOf(theirs.url)))?.status).toBe("active");
  });

  it("refuse reopening a link (PATCH active: true) with 400", async () => {
    const link = await createPaymentLink(merchant.test, fixed());
    const url = `http://localhost/api/v1/payment-links/${link.id}`;
    const answer = await call(single.PATCH, { key: merchant.testKey.key, url, method: "PATCH", body: { active: true } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_input");
  });
});

describe("paying through a link", () => {
  it("reuses the open QR for the same browser (reload, second tab), and makes another for another browser", async () => {
    const link = await createPaymentLink(merchant.test, fixed({ bill_number_prefix: "LATTE" }));
    const browser = newBrowserId();
    const first = await startLinkPayment(slugOf(link.url), browser, undefined);
    const again = await Promise.all([1, 2, 3].map(() => startLinkPayment(slugOf(link.url), browser, undefined)));
    for (const open of again) expect(open.publicId).toBe(first.publicId);
    const other = await startLinkPayment(slugOf(link.url), newBrowserId(), undefined);
    expect(other.publicId).not.toBe(first.publicId);
    const rows = await transactionsOfLink(link.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ amount: "2.50", currency: "USD", status: "pending", apiKeyId: null, mode: "test" });
      expect(row.billNumber).toMatch(/^LATTE-[0-9A-Z_-]{6}$/);
    }
  });

  it("makes ordinary transactions: the webhook body and the CSV carry the link's id", async () => {
    const link = await createPaymentLink(merchant.test, fixed());
    const paid = await pay((await startLinkPayment(slugOf(link.url), newBrowserId(), undefined)).publicId);
    expect(JSON.parse(transactionEventBody("evt_x", "transaction.paid", paid))).toMatchObject({ payment_link_id: link.id, amount: 2.5 });
    let csv = "";
    for await (const line of transactionsCsv(merchant.userId, parseTransactionFilters({}, "test"))) csv += line;
    expect(csv.split("\r\n")[0]!.split(",").at(-1)).toBe("payment_link_id");
    expect(csv).toContain(`${paid.id},`);
    expect(
      csv
        .split("\r\n")
        .find((line) => line.startsWith(paid.id))!
        .endsWith(`,${link.id}`),
    ).toBe(true);
  });

  it("makes a new QR for the same browser once the last one is paid", async () => {
    const link = await createPaymentLink(merchant.test, fixed());
    const browser = newBrowserId();
    const first = await startLinkPayment(slugOf(link.url), browser, undefined);
    await pay(first.publicId);
    const next = await startLinkPayment(slugOf(link.url), browser, undefined);
    expect(next.publicId).not.toBe(first.publicId);
    expect((await transactionsOfLink(link.id)).map((row) => row.status).sort()).toEqual(["paid", "pending"]);
  });

  it("takes a customer-chosen amount only within the link's bounds, writing nothing otherwise", async () => {
    const link = await createPaymentLink(merchant.test, fixed({ amount: undefined, currency: "KHR", min_amount: 1000, max_amount: 50000 }));
    const slug = slugOf(link.url);
    for (const [entered, message] of [
      [undefined, "Enter the amount"],
      ["999", "smallest amount"],
      ["50001", "largest amount"],
      ["1000.5", "KHR"],
      ["0", "greater than zero"],
    ] as const) {
      await expect(startLinkPayment(slug, newBrowserId(), entered)).rejects.toMatchObject({
        code: "invalid_input",
        field: "amount",
        message: expect.stringContaining(message),
      });
    }
    expect(await transactionsOfLink(link.id)).toHaveLength(0);
    await startLinkPayment(slug, newBrowserId(), "1000");
    await startLinkPayment(slug, newBrowserId(), "50000");
    expect((await transactionsOfLink(link.id)).map((row) => row.amount).sort()).toEqual(["1000.00", "50000.00"]);
  });

  it("refuses a deactivated, expired or used single-use link (the 410 page; conflict if a QR is asked for anyway) and writes nothing", async () => {
    const deactivated = await createPaymentLink(merchant.test, fixed());
    await deactivatePaymentLink(merchant.test, deactivated.id);
    const soon = new Date(Date.now() + 60_000);
    const expiring = await createPaymentLink(merchant.test, fixed({ expires_at: soon.toISOString() }));
    const single = await createPaymentLink(merchant.test, fixed({ reusable: false }));
    await pay((await startLinkPayment(slugOf(single.url), newBrowserId(), undefined)).publicId);

    expect((await findPublicLink(slugOf(deactivated.url)))?.status).toBe("deactivated");
    expect((await findPublicLink(slugOf(expiring.url), new Date(soon.getTime() + 1)))?.status).toBe("expired");
    expect((await findPublicLink(slugOf(single.url)))?.status).toBe("used");
    await expect(startLinkPayment(slugOf(deactivated.url), newBrowserId(), undefined)).rejects.toMatchObject({ code: "conflict" });
    await expect(startLinkPayment(slugOf(expiring.url), newBrowserId(), undefined, new Date(soon.getTime() + 1))).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(startLinkPayment(slugOf(single.url), newBrowserId(), undefined)).rejects.toMatchObject({ code: "conflict" });
    expect(await transactionsOfLink(deactivated.id)).toHaveLength(0);
    expect(await transactionsOfLink(expiring.id)).toHaveLength(0);
    expect(await transactionsOfLink(single.id)).toHaveLength(1);
    expect(await findPublicLink(newSlug())).toBeNull();
  });

  it("counts against the plan's daily quota like POST /qr", async () => {
    const link = await createPaymentLink(merchant.test, fixed());
    const db = await getDb();
    const today = () =>
      db
        .select({ n: usageDaily.qrCount })
        .from(usageDaily)
        .where(and(eq(usageDaily.userId, merchant.userId), eq(usageDaily.mode, "test")));
    const before = (await today()).reduce((sum, row) => sum + row.n, 0);
    await startLinkPayment(slugOf(link.url), newBrowserId(), undefined);
    expect((await today()).reduce((sum, row) => sum + row.n, 0)).toBe(before + 1);
  });
});

type Verify = (url: string, secret: string) => boolean;
function loadVerify(): Verify {
  const body = PAYMENT_LINK_VERIFY_FUNCTION.replace(/^import .*$/m, "").replace(/^export /m, "");
  return new Function("createHmac", "timingSafeEqual", "Buffer", `${body}\nreturn isGenuineLinkRedirect;`)(
    createHmac,
    timingSafeEqual,
    Buffer,
  ) as Verify;
}

describe("the success redirect", () => {
  it("carries link, md5, order_id, t and a signature the docs' snippet accepts; any change is refused", async () => {
    const created = await createPaymentLink(merchant.test, fixed({ success_url: "https://shop.example.com/thanks?from=khqr" }));
    const slug = slugOf(created.url);
    const open = await startLinkPayment(slug, newBrowserId(), undefined);
    expect(await linkPaymentSuccess(slug, open.publicId)).toBeNull();
    const paid = await pay(open.publicId);
    const success = await linkPaymentSuccess(slug, open.publicId);
    expect(success?.kind).toBe("redirect");
    const url = new URL((success as { url: string }).url);
    expect(url.origin + url.pathname).toBe("https://shop.example.com/thanks");
    expect(url.searchParams.get("from")).toBe("khqr");
    expect(url.searchParams.get("link")).toBe(created.id);
    expect(url.searchParams.get("md5")).toBe(paid.md5);
    expect(url.searchParams.get("order_id")).toBe(paid.orderId);
    const db = await getDb();
    const [link] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, created.id));
    const verify = loadVerify();
    expect(verify(url.toString(), link!.signingSecret)).toBe(true);
    expect(verify(url.toString(), "whsec_other")).toBe(false);
    const tampered = new URL(url);
    tampered.searchParams.set("md5", "0".repeat(32));
    expect(verify(tampered.toString(), link!.signingSecret)).toBe(false);
    const stale = new URL(((await linkPaymentSuccess(slug, open.publicId, new Date(Date.now() - 3600_000))) as { url: string }).url);
    expect(verify(stale.toString(), link!.signingSecret)).toBe(false);
  });

  it("is a receipt when the link has no success URL, and nothing for another link's slug", async () => {
    const created = await createPaymentLink(merchant.test, fixed());
    const open = await startLinkPayment(slugOf(created.url), newBrowserId(), undefined);
    await pay(open.publicId);
    expect(await linkPaymentSuccess(slugOf(created.url), open.publicId)).toMatchObject({
      kind: "receipt",
      title: "Iced latte",
      amount: "2.50",
    });
    const other = await createPaymentLink(merchant.test, fixed());
    expect(await linkPaymentSuccess(slugOf(other.url), open.publicId)).toBeNull();
  });
});
