import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PAYMENT_LINK_VERIFY_FUNCTION } from "../../app/docs/examples";
import type { FakeChat, FakeTelegram } from "../fakes/fake-telegram-server";
import { expect, expectEqual, screenshot, type Flow } from "./harness";
import type { SmtpInbox } from "../fakes/smtp-inbox";
import { signUp } from "./merchant-flow";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

type Verify = (url: string, secret: string) => boolean;
/** The docs' snippet, run as a merchant would paste it. */
const verifyRedirect = new Function(
  "createHmac",
  "timingSafeEqual",
  "Buffer",
  `${PAYMENT_LINK_VERIFY_FUNCTION.replace(/^import .*$/m, "").replace(/^export /m, "")}\nreturn isGenuineLinkRedirect;`,
)(createHmac, timingSafeEqual, Buffer) as Verify;

/** The merchant's shop: the success URL customers are sent to, recording each arrival. */
async function startShop(): Promise<{ url: string; arrivals: string[]; close: () => Promise<void> }> {
  const arrivals: string[] = [];
  const server: Server = createServer((request, response) => {
    arrivals.push(request.url ?? "");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Thanks</title><h1>Thank you for your order</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/thanks`, arrivals, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A shop that sells in chats: the merchant connects Telegram, makes a fixed-price link and a pay-what-you-
 * want one; a customer on a phone pays each (sandbox), sees Paid and lands back at the shop with a valid
 * signature; the Telegram group gets one alert per payment, even after Telegram answered 429 once.
 */
export async function linksFlow(flow: Flow, browser: Browser, baseUrl: string, telegram: FakeTelegram, inbox: SmtpInbox) {
  const merchantContext: BrowserContext = await browser.newContext({ viewport: DESKTOP });
  const customerContext: BrowserContext = await browser.newContext({ viewport: PHONE });
  const merchant = await merchantContext.newPage();
  const customer = await customerContext.newPage();
  const shop = await startShop();
  const chat: FakeChat = { id: -100777, type: "supergroup", title: "Sokha Shop staff" };
  const toChat = () => telegram.sent.filter((message) => message.chat_id === chat.id);
  const links: { fixed?: { id: string; url: string; secret: string }; custom?: { id: string; url: string; secret: string } } = {};

  async function createLink(fill: (page: Page) => Promise<void>) {
    await merchant.goto(`${baseUrl}/dashboard/payment-links`);
    await fill(merchant);
    await merchant.getByLabel("Success URL (optional)").fill(shop.url);
    await merchant.getByRole("button", { name: "Create link" }).click();
    await merchant.waitForURL(/\/dashboard\/payment-links\/[0-9a-f-]{36}$/);
    const url = (await merchant.getByTestId("link-url").textContent())!.trim();
    await merchant.getByText("Show the signing secret").click();
    const secret = (await merchant.getByText(/^whsec_/).textContent())!.trim();
    return { id: merchant.url().split("/").pop()!, url, secret };
  }

  /** The customer pays on their phone: the merchant's Simulate button stands in for the bank app. */
  async function customerPays(link: { id: string; url: string; secret: string }, amountLabel: string, name: string) {
    await customer.getByRole("button", { name: "Pay with KHQR" }).click();
    await customer.getByText("Waiting for payment").waitFor();
    await customer.getByTestId("pay-amount").getByText(amountLabel).waitFor();
    await screenshot(customer, `${name}-qr-mobile`);
    // A reload (or a second tab) shows the same QR instead of making another.
    await customer.reload();
    await customer.getByText("Waiting for payment").waitFor();
    await merchant.goto(`${baseUrl}/dashboard/payment-links/${link.id}`);
    const rows = merchant.locator("tbody tr");
    expectEqual(await rows.count(), 1, "QRs made for one customer's reloads");
    await rows.first().getByRole("link").click();
    await merchant.getByRole("button", { name: "Simulate payment" }).click();
    await customer.getByTestId("pay-status").getByText("Paid").waitFor({ timeout: 10_000 });
    await screenshot(customer, `${name}-paid-mobile`);
    await customer.waitForURL((url) => url.toString().startsWith(shop.url), { timeout: 10_000 });
    const landed = customer.url();
    const params = new URL(landed).searchParams;
    expectEqual(params.get("link"), link.id, "link id in the success redirect");
    expect(/^[0-9a-f]{32}$/.test(params.get("md5") ?? ""), "md5 in the success redirect");
    expect(verifyRedirect(landed, link.secret), `the docs' snippet accepts the redirect's signature: ${landed}`);
    const forged = new URL(landed);
    forged.searchParams.set("order_id", "someone-else");
    expect(!verifyRedirect(forged.toString(), link.secret), "a changed redirect is refused");
  }

  flow.step("links: the merchant connects a Telegram group with the one-time /start code (handshake through the Bot API)", async () => {
    await signUp(merchant, baseUrl, `links-${randomUUID().slice(0, 8)}@example.com`, inbox);
    await merchant.getByLabel("Bakong account ID").fill("sokha_shop@aclb");
    await merchant.getByLabel("Merchant name", { exact: true }).fill("Sokha Shop");
    await merchant.getByRole("button", { name: "Save profile and continue" }).click();
    await merchant.waitForURL(/\/dashboard\?welcome=1$/);
    await merchant.goto(`${baseUrl}/dashboard/settings/notifications`);
    await merchant.getByLabel("Language").first().selectOption("km");
    await merchant.getByRole("button", { name: "Connect Telegram" }).click();
    const href = await merchant.getByTestId("telegram-private-link").getAttribute("href");
    expect(href?.startsWith(`https://t.me/${telegram.botUsername}?start=`), `t.me deep link, got ${href}`);
    const command = (await merchant.getByTestId("telegram-start-command").textContent())!.trim();
    expect(/^\/start [A-Za-z0-9_-]{32}$/.test(command), `the /start command, got ${command}`);
    await telegram.userSends(chat, command.replace("/start", `/start@${telegram.botUsername}`));
    const [confirmation] = await telegram.waitForSent(1, (message) => message.chat_id === chat.id);
    expect(
      confirmation!.text.includes("Sokha Shop") && confirmation!.text.includes("ភ្ជាប់"),
      `Khmer confirmation, got ${confirmation!.text}`,
    );
    await merchant.reload();
    await merchant.getByTestId("telegram-chats").getByText("Sokha Shop staff").waitFor();
  });

  flow.step("links: the merchant creates a fixed-amount link and a customer-chosen one", async () => {
    links.fixed = await createLink(async (page) => {
      await page.getByLabel("Title").fill("Iced latte");
      await page.getByLabel("Bill number prefix (optional)").fill("LATTE");
      await page.getByLabel("Amount", { exact: true }).fill("2.50");
    });
    await screenshot(merchant, "payment-link-detail");
    links.custom = await createLink(async (page) => {
      await page.getByLabel("Title").fill("Tip the barista");
      await page.getByLabel("The customer chooses").check();
      await page.getByLabel("Minimum (optional)").fill("1");
      await page.getByLabel("Maximum (optional)").fill("100");
    });
    await merchant.goto(`${baseUrl}/dashboard/payment-links`);
    expectEqual(await merchant.getByTestId("link-list").locator("li").count(), 2, "links listed");
    await screenshot(merchant, "payment-links");
  });

  flow.step("links: a customer on a 390 px phone pays the fixed link, sees Paid and is redirected with a valid signature", async () => {
    await customer.goto(links.fixed!.url.replace(/^https?:\/\/[^/]+/, baseUrl));
    await customer.getByTestId("link-title").getByText("Iced latte").waitFor();
    await customer.getByTestId("link-amount").getByText("$2.50").waitFor();
    const width = await customer.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= PHONE.width, `no sideways scrolling at 390 px (page is ${width} px wide)`);
    await screenshot(customer, "payment-link-mobile");
    // Telegram refuses the first alert with 429: the alert waits retry_after and is sent once.
    telegram.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    await customerPays(links.fixed!, "$2.50", "payment-link-fixed");
  });

  flow.step("links: the group gets one alert for that payment, after Telegram's 429", async () => {
    const alerts = await telegram.waitForSent(2, (message) => message.chat_id === chat.id);
    expect(
      alerts[1]!.text.includes("$2.50") && alerts[1]!.text.includes("បានទទួលការទូទាត់"),
      `Khmer alert with the amount, got ${alerts[1]!.text}`,
    );
    expect(alerts[1]!.text.includes("Iced latte"), "the alert names the link");
    const refused = telegram.calls.filter((call) => call.method === "sendMessage" && call.body.chat_id === chat.id).length;
    expect(refused >= 3, `the refused attempt and the retry both reached Telegram (${refused} sendMessage calls)`);
  });

  flow.step("links: a customer pays the customer-chosen link within its bounds and is redirected with a valid signature", async () => {
    await customer.goto(links.custom!.url.replace(/^https?:\/\/[^/]+/, baseUrl));
    await customer.getByLabel("Amount (USD)").fill("250");
    await customer.getByRole("button", { name: "Pay with KHQR" }).click();
    await customer.getByText("The largest amount this link accepts is 100.00 USD.").waitFor();
    await customer.getByLabel("Amount (USD)").fill("7.25");
    await customerPays(links.custom!, "$7.25", "payment-link-custom");
    await telegram.waitForSent(3, (message) => message.chat_id === chat.id);
    // A moment for any duplicate to show up: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expectEqual(toChat().filter((message) => message.text.includes("$7.25")).length, 1, "alerts for the $7.25 payment");
    expectEqual(toChat().filter((message) => message.text.includes("$2.50")).length, 1, "alerts for the $2.50 payment");
  });

  flow.step("links: a deactivated link answers 410; the notifications page lists the chat and the alert log", async () => {
    await merchant.goto(`${baseUrl}/dashboard/payment-links/${links.fixed!.id}`);
    await merchant.getByRole("button", { name: "Deactivate", exact: true }).click();
    await merchant.getByRole("button", { name: "Deactivate link" }).click();
    await merchant.getByText("Deactivated").first().waitFor();
    const gone = await customer.goto(links.fixed!.url.replace(/^https?:\/\/[^/]+/, baseUrl));
    expectEqual(gone?.status(), 410, "status of a deactivated link's page");
    await customer.getByText("This payment link is no longer available").waitFor();
    await merchant.goto(`${baseUrl}/dashboard/settings/notifications`);
    expectEqual(await merchant.getByTestId("alert-log").locator("tbody tr").count(), 2, "alerts in the log");
    await screenshot(merchant, "notifications-settings");
    await merchant.setViewportSize(PHONE);
    await screenshot(merchant, "notifications-settings-mobile");
  });

  return {
    onFailure: async (name: string) => {
      const slug = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      await screenshot(merchant, `failure-${slug}-merchant`).catch(() => {});
      await screenshot(customer, `failure-${slug}-customer`).catch(() => {});
    },
    close: () => shop.close(),
  };
}
