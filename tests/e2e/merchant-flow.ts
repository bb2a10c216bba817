import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, expectEqual, screenshot, type Flow } from "./harness";
import { decodeQrOnPage } from "./qr-decode";
import { verify } from "../helpers/brief-verify";
import { startWebhookReceiver } from "./webhook-receiver";
import { mailText, type SmtpInbox } from "../fakes/smtp-inbox";

export const PASSWORD = "correct horse battery staple";
const VIEWPORT = { width: 1280, height: 900 };

type Keys = { live: string; test: string };

export async function api(baseUrl: string, key: string, method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Fills the sign-up form; the answer is the same whether or not the address has an account. */
export async function requestSignUp(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<string> {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  const answer = page.getByText("Check your email");
  await answer.waitFor();
  return (await answer.textContent()) ?? "";
}

/** The link in the newest email to this address that contains the given path. */
export async function linkFromEmail(inbox: SmtpInbox, baseUrl: string, email: string, path: string, seen = 0): Promise<string> {
  const mail = await inbox.waitFor(
    (message) => message.to.includes(email) && mailText(message.raw).includes(path) && inbox.messages.indexOf(message) >= seen,
    20_000,
  );
  const link = new RegExp(`${baseUrl.replaceAll(".", "\\.")}${path}\\?token=[A-Za-z0-9_-]+`).exec(mailText(mail.raw));
  expect(link, `a ${path} link on ${baseUrl} in the email to ${email}`);
  return link[0];
}

/** Signs up through the confirmation email (sent through the real SMTP server) and returns both keys shown once. */
export async function signUp(page: Page, baseUrl: string, email: string, inbox: SmtpInbox): Promise<Keys> {
  const seen = inbox.messages.length;
  await requestSignUp(page, baseUrl, email);
  await page.goto(await linkFromEmail(inbox, baseUrl, email, "/signup/confirm", seen));
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.waitForURL(`${baseUrl}/onboarding`);
  const live = (await page.getByTestId("live-key").textContent())?.trim() ?? "";
  const test = (await page.getByTestId("test-key").textContent())?.trim() ?? "";
  expect(/^khqr_live_[0-9A-Za-z]{24,}$/.test(live), `live key shown in full on onboarding, got ${live}`);
  expect(/^khqr_test_[0-9A-Za-z]{24,}$/.test(test), `test key shown in full on onboarding, got ${test}`);
  return { live, test };
}

async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** The merchant's whole journey, as steps on one browser; returns the hook that screenshots a failure. */
export async function merchantFlow(flow: Flow, browser: Browser, baseUrl: string, inbox: SmtpInbox) {
  // 127.0.0.1 is a secure context, so the copy buttons can use the clipboard API as in a real browser.
  const merchant: BrowserContext = await browser.newContext({ viewport: VIEWPORT, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await merchant.newPage();
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  const orderId = `ORDER-${randomUUID().slice(0, 8)}`;
  let keys: Keys = { live: "", test: "" };
  let created = { qr: "", md5: "", payUrl: "" };
  let transactionUrl = "";

  flow.step("landing page and docs render, OpenAPI is served", async () => {
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Accept KHQR payments with one API call." }).waitFor();
    await page.locator("#pricing").getByText("Business").first().waitFor();
    await screenshot(page, "landing");
    await page.goto(`${baseUrl}/docs`);
    await page.getByRole("heading", { name: "KHQR Pay API", exact: true }).waitFor();
    expectEqual(await page.getByTestId("docs-endpoint").count(), 10, "documented endpoints");
    await page.getByTestId("errors-table").getByText("bakong_unavailable").waitFor();
    await screenshot(page, "docs");
    const openapi = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expectEqual(openapi.status, 200, "GET /api/v1/openapi.json");
    expectEqual(((await openapi.json()) as { openapi: string }).openapi, "3.1.0", "OpenAPI version");
  });

  flow.step("sign-up validates the password, confirms the address by email, then shows both keys once", async () => {
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 10 characters").waitFor();
    await screenshot(page, "signup");
    keys = await signUp(page, baseUrl, email, inbox);
    await page.getByRole("button", { name: "Copy key to clipboard" }).first().click();
    await page.getByRole("button", { name: "Copy key to clipboard" }).first().getByText("Copied").waitFor();
    expectEqual(await page.evaluate(() => navigator.clipboard.readText()), keys.live, "clipboard after Copy key");
    await screenshot(page, "onboarding");
  });

  flow.step("the profile form shows field messages, then saves", async () => {
    await page.getByLabel("Bakong account ID").fill("not-an-account");
    await page.getByLabel("Merchant name", { exact: true }).fill("E2E Coffee");
    await page.getByRole("button", { name: "Save profile and continue" }).click();
    await page.getByText("Bakong account ID looks like name@bank").waitFor();
    await page.getByLabel("Bakong account ID").fill("e2e_coffee@aclb");
    await page.getByRole("img", { name: "Preview of your static KHQR code" }).waitFor();
    await page.getByRole("button", { name: "Save profile and continue" }).click();
    await page.waitForURL(/\/dashboard\?welcome=1$/);
    const me = await api(baseUrl, keys.live, "GET", "/me");
    expectEqual(me.status, 200, "GET /me with the live key");
    expectEqual((me.body.merchant as { bakong_account_id: string }).bakong_account_id, "e2e_coffee@aclb", "saved Bakong account");
  });

  flow.step("a QR created with the test key over HTTP appears in Transactions", async () => {
    const response = await api(baseUrl, keys.test, "POST", "/qr", {
      amount: 4.25,
      currency: "USD",
      order_id: orderId,
      bill_number: "INV-E2E",
    });
    expectEqual(response.status, 200, "POST /qr");
    created = { qr: String(response.body.qr), md5: String(response.body.md5), payUrl: String(response.body.pay_url) };
    await page.goto(`${baseUrl}/dashboard/transactions?mode=test`);
    const row = page.getByRole("row").filter({ hasText: orderId });
    await row.waitFor();
    await screenshot(page, "transactions");
    await row.getByTestId("transaction-link").click();
    await page.waitForURL(/\/dashboard\/transactions\/[0-9a-f-]{36}$/);
    transactionUrl = page.url();
    await page.getByTestId("transaction-status").getByText("Pending").waitFor();
  });

  flow.step("the QR image on the detail page decodes back to the API's KHQR string", async () => {
    const decoded = await decodeQrOnPage(page, page.getByTestId("transaction-qr"));
    expectEqual(decoded, created.qr, "decoded QR");
    await screenshot(page, "transaction-detail");
  });

  const payPage = await merchant.newPage();
  flow.step("Simulate payment turns the detail page and the open payment page to Paid, without reloading it", async () => {
    await payPage.setViewportSize({ width: 430, height: 900 });
    expectEqual(created.payUrl.startsWith(`${baseUrl}/pay/`), true, "pay_url on the app's own origin");
    await payPage.goto(created.payUrl);
    await payPage.getByText("Sandbox").first().waitFor();
    await payPage.getByTestId("pay-status").getByText("Waiting for payment").waitFor();
    await payPage.getByText(/Expires in/).waitFor();
    const decoded = await decodeQrOnPage(payPage, payPage.getByRole("img", { name: /KHQR code to pay/ }));
    expectEqual(decoded, created.qr, "QR on the payment page");
    await screenshot(payPage, "pay-page");
    await payPage.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.getByRole("button", { name: "Simulate payment" }).click();
    await page.getByTestId("transaction-status").getByText("Paid").waitFor({ timeout: 15_000 });
    await payPage.getByTestId("pay-status").getByText("Paid").waitFor({ timeout: 15_000 });
    expect(
      await payPage.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true),
      "the payment page flipped to Paid without a reload",
    );
    await screenshot(payPage, "pay-page-paid");
    await screenshot(page, "transaction-detail-paid");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "transaction-detail-mobile");
    await page.setViewportSize(VIEWPORT);
    const check = await api(baseUrl, keys.test, "POST", "/transaction/check", { md5: created.md5 });
    expectEqual(check.body.status, "paid", "API status after the simulated payment");
  });

  flow.step("overview, settings and the CSV export show the merchant's data", async () => {
    await page.goto(`${baseUrl}/dashboard?mode=test`);
    await page.getByText("QR codes created today").waitFor();
    await page.getByRole("link", { name: "$4.25" }).waitFor();
    await screenshot(page, "overview");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "overview-mobile");
    await page.setViewportSize(VIEWPORT);
    await page.goto(`${baseUrl}/dashboard/settings`);
    await page.getByRole("img", { name: "Preview of your static KHQR code" }).waitFor();
    await screenshot(page, "settings");
    const csv = await page.request.get(`${baseUrl}/dashboard/transactions/export?mode=test`);
    expectEqual(csv.status(), 200, "CSV export status");
    expect((await csv.text()).includes(orderId), "CSV export contains the order");
  });

  flow.step("a test-mode webhook endpoint receives a signed transaction.paid that the published verify() accepts", async () => {
    const receiver = await startWebhookReceiver();
    try {
      await page.goto(`${baseUrl}/dashboard/webhooks`);
      await page.getByText("No test endpoints").waitFor();
      await page.getByLabel("Endpoint URL").fill(receiver.url);
      await page.getByRole("combobox", { name: "Mode" }).selectOption("test");
      await page.getByRole("button", { name: "Add endpoint" }).click();
      await page.getByText("Endpoint added.").waitFor();
      const shownOnCreate = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
      const card = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
      await card.waitFor();
      expectEqual(await page.getByTestId("webhook-endpoint").count(), 1, "endpoints on the page");
      await card.getByText("Test", { exact: true }).first().waitFor();
      const endpointId = (await card.getAttribute("data-endpoint-id")) ?? "";
      await card.getByRole("button", { name: "Reveal secret" }).click();
      const secretBox = card.getByTestId("webhook-secret");
      await secretBox.waitFor();
      const secret = (await secretBox.textContent())?.trim() ?? "";
      expect(/^whsec_\S{20,}$/.test(secret), `revealed secret looks like whsec_…, got ${secret}`);
      expectEqual(secret, shownOnCreate, "revealed secret vs. the one shown when the endpoint was added");

      const hookOrderId = `HOOK-${randomUUID().slice(0, 8)}`;
      const qr = await api(baseUrl, keys.test, "POST", "/qr", {
        amount: 7.5,
        currency: "USD",
        order_id: hookOrderId,
        bill_number: "INV-HOOK",
      });
      expectEqual(qr.status, 200, "POST /qr for the webhook payment");
      const md5 = String(qr.body.md5);
      // Paid through the public sandbox API; the background poller notices it and the scheduler delivers.
      const paid = await api(baseUrl, keys.test, "POST", "/sandbox/transactions/pay", { md5 });
      expectEqual(paid.status, 200, "POST /sandbox/transactions/pay");
      const delivery = await receiver.waitFor(
        (request) => request.headers["x-khqr-event"] === "transaction.paid" && request.rawBody.includes(md5),
        20_000,
      );

      expectEqual(delivery.method, "POST", "webhook method");
      expectEqual(delivery.path, "/hook", "webhook path");
      expectEqual(delivery.headers["content-type"], "application/json", "webhook Content-Type");
      expect(
        verify(delivery.rawBody, delivery.headers, secret),
        `the published verify() accepts the delivery: ${delivery.headers["x-khqr-signature"]}`,
      );
      expect(!verify(delivery.rawBody, delivery.headers, `${secret}x`), "verify() rejects the delivery under another secret");
      expect(!verify(delivery.rawBody.replace("7.5", "75"), delivery.headers, secret), "verify() rejects a tampered body");
      const timestamp = String(delivery.headers["x-khqr-timestamp"]);
      expect(String(delivery.headers["x-khqr-signature"]).startsWith(`t=${timestamp},v1=`), "the signature's t= is X-KHQR-Timestamp");
      const deliveryId = String(delivery.headers["x-khqr-delivery-id"]);
      expect(/^[0-9a-f-]{36}$/.test(deliveryId), `X-KHQR-Delivery-Id is a uuid, got ${deliveryId}`);

      await page.goto(`${baseUrl}/dashboard/transactions?mode=test&status=paid&q=${hookOrderId}`);
      const row = page.getByRole("row").filter({ hasText: hookOrderId });
      await row.waitFor();
      await screenshot(page, "transactions-filtered");
      const transactionId = ((await row.getByTestId("transaction-link").getAttribute("href")) ?? "").split("/").pop();

      const body = JSON.parse(delivery.rawBody) as Record<string, unknown>;
      expectEqual(body.event, "transaction.paid", "body.event");
      expectEqual(body.md5, md5, "body.md5");
      expectEqual(body.amount, 7.5, "body.amount");
      expectEqual(body.currency, "USD", "body.currency");
      expectEqual(body.bill_number, "INV-HOOK", "body.bill_number");
      expectEqual(body.external_order_id, hookOrderId, "body.external_order_id");
      expectEqual(body.order_id, hookOrderId, "body.order_id");
      expectEqual(body.mode, "test", "body.mode");
      expectEqual(body.type, "dynamic", "body.type");
      expectEqual(body.id, delivery.headers["x-khqr-event-id"], "body.id is X-KHQR-Event-Id");
      expect(/^evt_[0-9a-f]{32}$/.test(String(body.id)), `the event id looks like evt_…, got ${String(body.id)}`);
      expectEqual(body.transaction_id, transactionId, "body.transaction_id (the dashboard's id)");
      expect(
        typeof body.paid_at === "string" && !Number.isNaN(Date.parse(body.paid_at)),
        `body.paid_at is a date, got ${String(body.paid_at)}`,
      );

      // The attempt is recorded once our receiver has answered, so give the log a moment to catch up.
      const logged = page.locator(`[data-testid="webhook-delivery"][data-status="succeeded"]`).filter({ hasText: deliveryId });
      const deadline = Date.now() + 10_000;
      for (;;) {
        await page.goto(`${baseUrl}/dashboard/webhooks?endpoint=${endpointId}`);
        await page.getByRole("heading", { name: "Delivery log" }).waitFor();
        if ((await logged.count()) === 1) break;
        expect(Date.now() < deadline, "the delivery log shows the delivery as Delivered within 10 s");
        await page.waitForTimeout(500);
      }
      await logged.getByText("transaction.paid").waitFor();
      await logged.getByText("Delivered").waitFor();
      expect(
        /^200 · \d+ ms · attempt 1$/.test(((await logged.locator("td").nth(2).locator("p").first().textContent()) ?? "").trim()),
        "the last attempt shows HTTP 200 on attempt 1",
      );
      await card.getByText("1 delivered").waitFor();
      expectEqual(
        receiver.received.filter((request) => request.rawBody.includes(md5)).length,
        1,
        "deliveries of this payment (no duplicates)",
      );
      await screenshot(page, "webhooks");
    } finally {
      await receiver.close();
    }
  });

  flow.step("revoking the test key in the UI makes the API answer 403 forbidden", async () => {
    await page.goto(`${baseUrl}/dashboard/api-keys`);
    await page.getByRole("button", { name: "Revoke Default test key" }).click();
    await page.getByRole("button", { name: "Revoke key" }).click();
    await page.getByText("Key revoked.").waitFor();
    await page.locator('[data-testid="api-key-row"][data-mode="test"][data-revoked="true"]').waitFor();
    await screenshot(page, "api-keys");
    const response = await api(baseUrl, keys.test, "GET", "/me");
    expectEqual(response.status, 403, "status with the revoked key");
    expectEqual(response.body.error, "forbidden", "error code with the revoked key");
  });

  flow.step("log out, wrong password and unknown email get one message, log back in", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login\?signedOut=1/);
    await page.goto(`${baseUrl}/dashboard/transactions`);
    await page.waitForURL(/\/login\?callbackUrl=/);
    await logIn(page, baseUrl, email, "wrong password entirely");
    await page.getByText("Incorrect email or password.").waitFor();
    await logIn(page, baseUrl, `nobody-${randomUUID().slice(0, 6)}@example.com`, PASSWORD);
    await page.getByText("Incorrect email or password.").waitFor();
    await logIn(page, baseUrl, email, PASSWORD);
    await page.waitForURL(`${baseUrl}/dashboard`);
    await page.getByTestId("signed-in-email").getByText(email).waitFor();
  });

  const rival = await browser.newContext({ viewport: VIEWPORT });
  flow.step("a second merchant cannot see the first one's transaction by URL", async () => {
    const rivalPage = await rival.newPage();
    await signUp(rivalPage, baseUrl, `rival-${randomUUID().slice(0, 8)}@example.com`, inbox);
    await rivalPage.goto(transactionUrl);
    await rivalPage.getByText("Transaction not found").waitFor();
    expect(!(await rivalPage.content()).includes(created.md5), "the other merchant's md5 is not on the page");
    await rivalPage.goto(`${baseUrl}/dashboard/transactions?mode=test&q=${orderId}`);
    await rivalPage.getByText("No transactions match these filters").waitFor();
    const csv = await rivalPage.request.get(`${baseUrl}/dashboard/transactions/export?mode=test`);
    expect(!(await csv.text()).includes(orderId), "the other merchant's CSV does not contain the order");
  });

  return {
    onFailure: async (name: string) => {
      const slug = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      for (const [index, open] of merchant.pages().concat(rival.pages()).entries()) await screenshot(open, `failure-${slug}-${index}`);
    },
  };
}
