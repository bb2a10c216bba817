import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { expect, expectEqual, screenshot, type Flow } from "./harness";
import type { SmtpInbox } from "../fakes/smtp-inbox";
import { api, signUp } from "./merchant-flow";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * A market stall's day: a printed static QR, a customer who pays it and shows the receipt, a cashier who
 * checks the receipt on a phone, and the same receipt shown a second time.
 */
export async function receiptsFlow(flow: Flow, browser: Browser, baseUrl: string, inbox: SmtpInbox) {
  const context: BrowserContext = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  let testKey = "";
  let staticMd5 = "";
  let receipt = { hash: "", short: "" };

  flow.step("a stall's static QR is a printable scan-to-pay card, and the API calls it static", async () => {
    testKey = (await signUp(page, baseUrl, `stall-${randomUUID().slice(0, 8)}@example.com`, inbox)).test;
    await page.getByLabel("Bakong account ID").fill("market_stall@aclb");
    await page.getByLabel("Merchant name", { exact: true }).fill("Sokha Noodles");
    await page.getByRole("button", { name: "Save profile and continue" }).click();
    await page.waitForURL(/\/dashboard\?welcome=1$/);
    const created = await api(baseUrl, testKey, "POST", "/qr", { currency: "USD", store_label: "Stall 12" });
    expectEqual(created.status, 200, "POST /qr without amount");
    expectEqual(created.body.type, "static", "type of a QR without amount");
    expectEqual(created.body.status, "static", "status of a static QR");
    staticMd5 = String(created.body.md5);
    const check = await api(baseUrl, testKey, "POST", "/transaction/check", { md5: staticMd5 });
    expectEqual(check.body.status, "static", "check of a static QR");

    // The page is at the answer's pay_url (an unguessable public id), never at the md5.
    await page.goto(`${baseUrl}${new URL(String(created.body.pay_url)).pathname}`);
    await page.getByTestId("static-qr-card").waitFor();
    await page.getByTestId("static-merchant").getByText("Sokha Noodles").waitFor();
    await page.getByTestId("static-instruction").getByText("Show your receipt to the cashier.").waitFor();
    expect((await page.getByText("Waiting for payment").count()) === 0, "no waiting spinner on a static QR's page");
    await page.getByRole("button", { name: "Print this card" }).waitFor();
    await screenshot(page, "static-qr-card-mobile");
    await page.setViewportSize(DESKTOP);
    await screenshot(page, "static-qr-card");
    await page.setViewportSize(PHONE);
  });

  flow.step("a customer pays it (sandbox) and the cashier verifies the receipt's short hash on a phone: big green Paid", async () => {
    const paid = await api(baseUrl, testKey, "POST", "/sandbox/transactions/pay", { md5: staticMd5, amount: 3.75 });
    expectEqual(paid.status, 200, "sandbox pay of a static QR");
    receipt = { hash: String(paid.body.hash), short: String(paid.body.short_hash) };

    await page.goto(`${baseUrl}/dashboard/receipts?mode=test`);
    await page.getByRole("heading", { name: "Verify a receipt" }).waitFor();
    await screenshot(page, "verify-receipt-empty-mobile");
    await page.getByLabel("Transaction hash").fill(receipt.short.toUpperCase());
    await page.getByLabel("Amount").fill("3.75");
    await page.getByRole("button", { name: "Verify receipt" }).click();
    const verdict = page.getByTestId("receipt-verdict");
    await verdict.getByText("Paid", { exact: true }).waitFor();
    expectEqual(await verdict.getAttribute("data-tone"), "green", "verdict tone");
    await verdict.getByText("$3.75").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= PHONE.width, `no sideways scrolling at 390 px (page is ${width} px wide)`);
    await screenshot(page, "verify-receipt-paid-mobile");
  });

  flow.step("the same receipt shown again is flagged Already used; an unknown one is red", async () => {
    await page.getByLabel("Transaction hash").fill(receipt.hash);
    await page.getByRole("button", { name: "Verify receipt" }).click();
    const verdict = page.getByTestId("receipt-verdict");
    await verdict.getByText("Already used").waitFor();
    expectEqual(await verdict.getAttribute("data-tone"), "amber", "duplicate verdict tone");
    await page
      .getByTestId("receipt-duplicate")
      .getByText(/First verified .* on the dashboard/)
      .waitFor();
    await screenshot(page, "verify-receipt-duplicate-mobile");

    await page.getByLabel("Transaction hash").fill("0badc0de");
    await page.getByLabel("Amount").fill("3.75");
    await page.getByRole("button", { name: "Verify receipt" }).click();
    await verdict.getByText("Not verified").waitFor();
    expectEqual(await verdict.getAttribute("data-tone"), "red", "unknown receipt tone");
    await screenshot(page, "verify-receipt-unknown-mobile");

    await page.getByLabel("Transaction hash").fill("0badc0de");
    await page.getByRole("button", { name: "Verify receipt" }).click();
    await page.getByText("amount is required with an 8-character short hash").waitFor();
  });

  flow.step("the history lists the receipt once, exports it as CSV, and the static QR shows its payment", async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${baseUrl}/dashboard/receipts?mode=test`);
    const history = page.getByTestId("receipt-history");
    await history.getByText("$3.75").waitFor();
    expectEqual(await history.locator("li").count(), 1, "verified receipts listed");
    await screenshot(page, "verify-receipt");
    const csv = await page.request.get(`${baseUrl}/dashboard/receipts/export?mode=test`);
    expectEqual(csv.status(), 200, "CSV export status");
    const text = await csv.text();
    expect(text.includes(receipt.hash) && text.includes(staticMd5), "CSV holds the receipt and its static QR");

    await page.goto(`${baseUrl}/dashboard/transactions?mode=test`);
    await page.getByRole("row").filter({ hasText: "Static QR" }).getByTestId("transaction-link").click();
    await page.getByTestId("static-qr-payments").getByText("$3.75").waitFor();
    await screenshot(page, "static-qr-detail");
    await page.getByLabel("Amount the customer pays").fill("1.25");
    await page.getByRole("button", { name: "Simulate a customer payment" }).click();
    await page.getByText(/A customer paid 1.25 USD. Their receipt shows the hash [0-9a-f]{8}/).waitFor();
  });

  return {
    onFailure: async (name: string) => {
      const slug = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      for (const [index, open] of context.pages().entries()) await screenshot(open, `failure-${slug}-${index}`);
    },
  };
}
