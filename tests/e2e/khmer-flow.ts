import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { decodeKhqr } from "@/lib/khqr";
import { expect, expectEqual, screenshot, type Flow } from "./harness";
import type { SmtpInbox } from "../fakes/smtp-inbox";
import { api, linkFromEmail, PASSWORD } from "./merchant-flow";
import { decodeQrOnPage } from "./qr-decode";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const SHOP_KM = "ហាងកាហ្វេសុខា";
const CITY_KM = "ភ្នំពេញ";

// A message key that leaked instead of its text looks like "namespace.key" (next-intl's fallback).
const NAMESPACES = [
  "site",
  "landing",
  "pricing",
  "forms",
  "auth",
  "pay",
  "dashboard",
  "transactions",
  "timeline",
  "transaction",
  "settings",
  "profile",
  "common",
  "onboarding",
  "apiKeys",
  "webhooks",
  "receipts",
  "docs",
  "mailbox",
  "emails",
  "paymentLinks",
  "notifications",
  "linkPage",
];
const LEAKED_KEY = new RegExp(`\\b(${NAMESPACES.join("|")})\\.[a-zA-Z][\\w-]*(\\.[\\w-]+)*\\b`);
const KHMER = /[\u1780-\u17ff]/;

/** The page speaks Khmer: lang="km", Khmer text on it, no key in place of a message, the shipped Khmer font in use. */
async function expectKhmerPage(page: Page, what: string): Promise<void> {
  expectEqual(await page.locator("html").getAttribute("lang"), "km", `${what}: html lang`);
  // English on purpose (the API reference body, marked lang="en") is not checked for keys.
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const english of copy.querySelectorAll('[lang="en"], script, style')) english.remove();
    return copy.textContent ?? "";
  });
  expect(KHMER.test(text), `${what}: no Khmer text on the page`);
  const leaked = LEAKED_KEY.exec(
    text.replaceAll("transaction.paid", "").replaceAll("transaction.expired", "").replaceAll("transaction.verified", ""),
  );
  expect(!leaked, `${what}: a message key leaked: ${leaked?.[0]}`);
  const fontLoaded = await page.evaluate(async () => {
    await Promise.all(["400", "500", "600"].map((weight) => document.fonts.load(`${weight} 16px "Noto Sans Khmer Variable"`, "ក")));
    await document.fonts.ready;
    return [...document.fonts].some((face) => face.family.includes("Noto Sans Khmer") && face.status === "loaded");
  });
  expect(fontLoaded, `${what}: the shipped Noto Sans Khmer font did not load (Khmer would fall back to tofu boxes)`);
}

/** Nothing wider than the phone: no sideways scrolling of the page itself. */
async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const { scroll, viewport, culprit } = await page.evaluate(() => {
    const width = window.innerWidth;
    // The outermost element reaching past the right edge, to say what overflowed.
    const outside = [...document.body.querySelectorAll("*")].find((element) => element.getBoundingClientRect().right > width + 1);
    const name = outside
      ? `${outside.tagName.toLowerCase()}.${String(outside.className).slice(0, 80)} "${(outside.textContent ?? "").slice(0, 40)}"`
      : "";
    return { scroll: document.documentElement.scrollWidth, viewport: width, culprit: name };
  });
  expect(scroll <= viewport, `${what}: the page is ${scroll}px wide on a ${viewport}px screen (${culprit})`);
}

/** A screenshot of the page in Khmer at 1280 and 390 px (the page is checked at both widths). */
async function shootBoth(page: Page, name: string, checkPhoneOverflow = true): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await expectKhmerPage(page, name);
  await screenshot(page, `km-${name}-1280`);
  await page.setViewportSize(PHONE);
  if (checkPhoneOverflow) await expectNoOverflow(page, `${name} at 390 px`);
  await screenshot(page, `km-${name}-390`);
  await page.setViewportSize(DESKTOP);
}

/** The merchant journey and the pay page again, in a browser set to Khmer (Chromium with locale km-KH). */
export async function khmerFlow(flow: Flow, browser: Browser, baseUrl: string, inbox: SmtpInbox) {
  const context: BrowserContext = await browser.newContext({ locale: "km-KH", viewport: DESKTOP });
  const page = await context.newPage();
  const email = `khmer-${randomUUID().slice(0, 8)}@example.com`;
  let keys = { live: "", test: "" };
  let created = { qr: "", payUrl: "" };

  flow.step("Khmer: a km-KH browser gets the public pages in Khmer, with the shipped font and no leaked keys", async () => {
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "ទទួលការទូទាត់ KHQR ដោយហៅ API តែម្តង។" }).waitFor();
    await shootBoth(page, "landing");
    for (const [path, name] of [
      ["/login", "login"],
      ["/signup", "signup"],
      ["/forgot-password", "forgot-password"],
      ["/reset-password?token=x", "reset-password"],
      ["/confirm-email?token=x", "confirm-email"],
      ["/no-such-page", "not-found"],
      ["/pay/no-such-payment", "pay-not-found"],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await shootBoth(page, name);
    }
    await page.goto(`${baseUrl}/docs`);
    await page.getByText("ឯកសារយោង API សរសេរជាភាសាអង់គ្លេស").waitFor();
    await shootBoth(page, "docs", false);
  });

  flow.step("Khmer: the language switch turns the page English and back, remembered in a cookie", async () => {
    await page.goto(baseUrl);
    await page.getByTestId("language-en").first().click();
    await page.getByRole("heading", { name: "Accept KHQR payments with one API call." }).waitFor();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole("heading", { name: "Log in to KHQR Pay" }).waitFor();
    expectEqual((await context.cookies()).find((cookie) => cookie.name === "NEXT_LOCALE")?.value, "en", "NEXT_LOCALE cookie");
    await page.getByTestId("language-km").first().click();
    await page.getByRole("heading", { name: "ចូលគណនី KHQR Pay" }).waitFor();
  });

  flow.step("Khmer: sign-up answers in Khmer, the account keeps Khmer, onboarding saves a Khmer shop name", async () => {
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("អ៊ីមែល").fill(email);
    await page.getByLabel("ពាក្យសម្ងាត់").fill("short");
    await page.getByRole("button", { name: "បង្កើតគណនី" }).click();
    await page.getByText("ត្រូវមានយ៉ាងហោចណាស់ 10 តួអក្សរ។").waitFor();
    await page.getByLabel("ពាក្យសម្ងាត់").fill(PASSWORD);
    const seen = inbox.messages.length;
    await page.getByRole("button", { name: "បង្កើតគណនី" }).click();
    await page.getByText("សូមពិនិត្យអ៊ីមែលរបស់អ្នក").waitFor();
    await shootBoth(page, "signup-check-email");
    await page.goto(await linkFromEmail(inbox, baseUrl, email, "/signup/confirm", seen));
    await page.getByRole("heading", { name: "បង្កើតគណនី KHQR Pay" }).waitFor();
    await shootBoth(page, "signup-confirm");
    await page.getByRole("button", { name: "បង្កើតគណនីរបស់ខ្ញុំ" }).click();
    await page.waitForURL(`${baseUrl}/onboarding`);
    keys = {
      live: (await page.getByTestId("live-key").textContent())?.trim() ?? "",
      test: (await page.getByTestId("test-key").textContent())?.trim() ?? "",
    };
    await shootBoth(page, "onboarding");
    await page.getByLabel("លេខគណនី Bakong").fill("not-an-account");
    await page.getByLabel("ឈ្មោះហាង (ឡាតាំង)").fill("Sokha Coffee");
    await page.getByLabel("ទីក្រុងជាភាសាខ្មែរ").fill(CITY_KM);
    await page.getByRole("button", { name: "រក្សាទុក ហើយបន្ត" }).click();
    await page.getByText("ទម្រង់នេះមិនត្រឹមត្រូវទេ។").waitFor();
    await page.getByLabel("លេខគណនី Bakong").fill("sokha_coffee@aclb");
    await page.getByRole("button", { name: "រក្សាទុក ហើយបន្ត" }).click();
    await page.getByText("សូមបំពេញឈ្មោះហាងជាភាសាខ្មែរផង").waitFor();
    await page.getByLabel("ឈ្មោះហាងជាភាសាខ្មែរ").fill(SHOP_KM);
    await page.getByTestId("preview-name-km").getByText(SHOP_KM).waitFor();
    await screenshot(page, "km-onboarding-filled-1280");
    await page.getByRole("button", { name: "រក្សាទុក ហើយបន្ត" }).click();
    await page.waitForURL(/\/dashboard\?welcome=1$/);
    await page.getByRole("heading", { name: "ទិដ្ឋភាពរួម" }).waitFor();
  });

  flow.step("Khmer: a KHR QR carries the Khmer name in tag 64; every dashboard page is in Khmer", async () => {
    const response = await api(baseUrl, keys.test, "POST", "/qr", { amount: 20000, currency: "KHR", bill_number: "INV-០០៧" });
    expectEqual(response.status, 200, "POST /qr");
    created = { qr: String(response.body.qr), payUrl: String(response.body.pay_url) };
    const decoded = decodeKhqr(created.qr);
    expectEqual(decoded.languagePreference, "km", "tag 64 language");
    expectEqual(decoded.merchantNameAlternateLanguage, SHOP_KM, "tag 64 name");
    expectEqual(decoded.merchantCityAlternateLanguage, CITY_KM, "tag 64 city");

    await page.goto(`${baseUrl}/dashboard?mode=test`);
    await shootBoth(page, "dashboard");
    await page.goto(`${baseUrl}/dashboard/transactions?mode=test`);
    await page.getByText("20,000៛").first().waitFor();
    await shootBoth(page, "transactions");
    await page.getByTestId("transaction-link").first().click();
    await page.waitForURL(/\/dashboard\/transactions\/[0-9a-f-]{36}$/);
    await page.getByTestId("transaction-status").getByText("កំពុងរង់ចាំ").waitFor();
    await shootBoth(page, "transaction-detail");
    const detailUrl = page.url();
    for (const [path, name] of [
      ["/dashboard/receipts?mode=test", "receipts"],
      ["/dashboard/api-keys", "api-keys"],
      ["/dashboard/webhooks", "webhooks"],
      ["/dashboard/settings", "settings"],
      ["/dashboard/transactions/00000000-0000-4000-8000-000000000000", "transaction-not-found"],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await shootBoth(page, name);
    }
    await page.goto(detailUrl);
  });

  const payPage = await context.newPage();
  flow.step("Khmer: the pay page shows the Khmer shop name and riel, fits a 360-px phone, and turns paid", async () => {
    await payPage.setViewportSize(SMALL_PHONE);
    await payPage.goto(created.payUrl);
    await payPage.getByTestId("pay-merchant").getByText(SHOP_KM).waitFor();
    await payPage.getByTestId("pay-amount").getByText("20,000៛").waitFor();
    await payPage.getByTestId("pay-status").getByText("កំពុងរង់ចាំការទូទាត់").waitFor();
    await expectKhmerPage(payPage, "pay page");
    await expectNoOverflow(payPage, "pay page at 360 px");
    const decoded = await decodeQrOnPage(payPage, payPage.getByRole("img", { name: /កូដ KHQR/ }));
    expectEqual(decoded, created.qr, "QR on the Khmer payment page");
    await screenshot(payPage, "km-pay-page-360");
    await payPage.setViewportSize(PHONE);
    await screenshot(payPage, "km-pay-page-390");
    await payPage.setViewportSize(DESKTOP);
    await screenshot(payPage, "km-pay-page-1280");
    await payPage.setViewportSize(SMALL_PHONE);

    await page.getByRole("button", { name: "ក្លែងការទូទាត់" }).click();
    await page.getByTestId("transaction-status").getByText("បានបង់ប្រាក់").waitFor({ timeout: 15_000 });
    await payPage.getByTestId("pay-status").getByText("បានបង់ប្រាក់").waitFor({ timeout: 15_000 });
    await expectKhmerPage(payPage, "paid pay page");
    await screenshot(payPage, "km-pay-paid-360");
    await shootBoth(page, "transaction-paid");
  });

  flow.step("Khmer: payment links are made, listed and paid in Khmer, with riel whole", async () => {
    await page.goto(`${baseUrl}/dashboard/payment-links`);
    await page.getByText("មិនទាន់មានតំណបង់ប្រាក់នៅឡើយទេ").waitFor();
    await shootBoth(page, "payment-links-empty");
    await page.getByLabel("ចំណងជើង", { exact: true }).fill("កាហ្វេទឹកដោះគោទឹកកក");
    await page.getByLabel("រូបិយប័ណ្ណ").selectOption("KHR");
    await page.getByLabel("ចំនួនទឹកប្រាក់", { exact: true }).fill("abc");
    await page.getByRole("button", { name: "បង្កើតតំណ" }).click();
    await page.getByText("សូមកែប្រអប់ដែលបានសម្គាល់។").waitFor();
    expectEqual(await page.getByLabel("រូបិយប័ណ្ណ").inputValue(), "KHR", "currency kept after a refused form");
    await page.getByLabel("ចំនួនទឹកប្រាក់", { exact: true }).fill("10000");
    await page.getByRole("button", { name: "បង្កើតតំណ" }).click();
    await page.waitForURL(/\/dashboard\/payment-links\/[0-9a-f-]{36}$/);
    await page.getByText("មិនទាន់មានការទូទាត់នៅឡើយទេ").waitFor();
    await shootBoth(page, "payment-link-detail");
    const linkUrl = (await page.getByTestId("link-url").textContent())!.trim();
    const linkDetailUrl = page.url();

    await page.goto(`${baseUrl}/dashboard/payment-links`);
    await page.getByLabel("ចំណងជើង", { exact: true }).fill("ជំនួយដល់អ្នកឆុងកាហ្វេ");
    await page.getByLabel("រូបិយប័ណ្ណ").selectOption("KHR");
    await page.getByLabel("អតិថិជនដាក់ចំនួនខ្លួនឯង").check();
    await page.getByLabel("តិចបំផុត (ស្រេចចិត្ត)").fill("1000");
    await page.getByLabel("ច្រើនបំផុត (ស្រេចចិត្ត)").fill("100000");
    await page.getByRole("button", { name: "បង្កើតតំណ" }).click();
    await page.waitForURL(/\/dashboard\/payment-links\/[0-9a-f-]{36}$/);
    const customUrl = (await page.getByTestId("link-url").textContent())!.trim();
    await page.goto(`${baseUrl}/dashboard/payment-links`);
    await page.getByTestId("link-list").getByText("10,000៛").waitFor();
    await page.getByTestId("link-list").getByText("1,000៛ – 100,000៛").waitFor();
    await shootBoth(page, "payment-links");

    await payPage.goto(linkUrl);
    await payPage.getByTestId("link-amount").getByText("10,000៛").waitFor();
    await payPage.getByText(SHOP_KM).waitFor();
    await payPage.getByRole("button", { name: "បង់ប្រាក់តាម KHQR" }).waitFor();
    await expectKhmerPage(payPage, "payment link page");
    await expectNoOverflow(payPage, "payment link page at 360 px");
    await screenshot(payPage, "km-link-page-360");
    await payPage.goto(customUrl);
    await payPage.getByText("សូមបញ្ចូលចំនួនពី 1,000៛ ដល់ 100,000៛។").waitFor();
    await payPage.getByLabel("ចំនួនទឹកប្រាក់ (KHR)").fill("500000");
    await payPage.getByRole("button", { name: "បង់ប្រាក់តាម KHQR" }).click();
    await payPage.getByText("មានព័ត៌មានខ្វះ ឬមិនត្រឹមត្រូវនៅក្នុងទម្រង់។ សូមបញ្ចូលចំនួនពី 1,000៛ ដល់ 100,000៛។").waitFor();
    await expectKhmerPage(payPage, "payment link amount entry");
    await expectNoOverflow(payPage, "payment link amount entry at 360 px");
    await screenshot(payPage, "km-link-amount-360");

    await payPage.goto(linkUrl);
    await payPage.getByRole("button", { name: "បង់ប្រាក់តាម KHQR" }).click();
    await payPage.getByTestId("pay-status").getByText("កំពុងរង់ចាំការទូទាត់").waitFor();
    await page.goto(linkDetailUrl);
    await page.locator("tbody tr").first().getByRole("link").click();
    await page.getByRole("button", { name: "ក្លែងការទូទាត់" }).click();
    await payPage.waitForURL(/\/done\?p=/, { timeout: 15_000 });
    await payPage.getByTestId("receipt-title").getByText("បានទទួលការទូទាត់").waitFor();
    await payPage.getByTestId("receipt").getByText(SHOP_KM).waitFor();
    await expectKhmerPage(payPage, "payment link receipt");
    await expectNoOverflow(payPage, "payment link receipt at 360 px");
    await screenshot(payPage, "km-link-receipt-360");
    await page.goto(`${baseUrl}/dashboard/payment-links`);
    await page.getByTestId("link-list").getByText("បង់ 1 ដង · 10,000៛").waitFor();
  });

  flow.step("Khmer: the notifications settings connect Telegram and switch email alerts in Khmer", async () => {
    await page.goto(`${baseUrl}/dashboard/settings/notifications`);
    await page.getByRole("heading", { name: "ការជូនដំណឹង", exact: true }).waitFor();
    await page.getByText("មិនទាន់មានឆាតណាភ្ជាប់នៅឡើយទេ។").waitFor();
    await page.getByRole("button", { name: "ភ្ជាប់ Telegram" }).click();
    await page.getByTestId("telegram-connect").getByText("ក្នុងក្រុម អ្នកក៏អាចផ្ញើសារនេះទៅ bot បានដែរ៖").waitFor();
    await page.getByLabel(/ផ្ញើអ៊ីមែលមក/).check();
    await page.getByRole("button", { name: "រក្សាទុក", exact: true }).click();
    await page.getByText("បានបើកការជូនដំណឹងតាមអ៊ីមែល។").waitFor();
    await shootBoth(page, "notifications");
  });

  flow.step("Khmer: the settings page switches the dashboard to English and to Khmer digits", async () => {
    await page.goto(`${baseUrl}/dashboard/settings`);
    const preferences = page.getByTestId("preferences-form");
    await preferences.getByLabel("ភាសា").selectOption("en");
    await preferences.getByRole("button", { name: "រក្សាទុក" }).click();
    await page.getByRole("heading", { name: "Settings", exact: true }).waitFor();
    await preferences.getByLabel("Language").selectOption("km");
    await preferences.getByLabel("Write numbers with Khmer digits (០១២៣…)").check();
    await preferences.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "ការកំណត់", exact: true }).waitFor();
    await page.goto(`${baseUrl}/dashboard/transactions?mode=test`);
    await page.getByText("២០,០០០៛").first().waitFor();
    await screenshot(page, "km-transactions-khmer-digits-1280");
  });

  return {
    onFailure: async (name: string) => {
      const slug = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
      for (const [index, open] of context.pages().entries()) await screenshot(open, `failure-${slug}-${index}`);
    },
  };
}
