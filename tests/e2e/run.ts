import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { Flow } from "./harness";
import { startSmtpInbox } from "../fakes/smtp-inbox";
import { startFakeTelegram } from "../fakes/fake-telegram-server";
import { accountRecoveryFlow } from "./account-recovery";
import { khmerFlow } from "./khmer-flow";
import { merchantFlow } from "./merchant-flow";
import { receiptsFlow } from "./receipts-flow";
import { linksFlow } from "./links-flow";
import { expect } from "./harness";
import { buildApp, startApp, startWithoutSecret, type RunningApp } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--headless",
];

async function main(): Promise<number> {
  mkdirSync("test-results", { recursive: true });
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let links: Awaited<ReturnType<typeof linksFlow>> | undefined;
  const inbox = await startSmtpInbox();
  const telegram = await startFakeTelegram();
  try {
    if (process.env.SKIP_BUILD !== "1") buildApp();
    app = await startApp({ SMTP_URL: inbox.url, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_URL: telegram.url });
    console.log(`e2e: app on ${app.baseUrl} (server log: ${app.logFile})`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const flow = new Flow();
    const merchant = await merchantFlow(flow, browser, app.baseUrl, inbox);
    const receipts = await receiptsFlow(flow, browser, app.baseUrl, inbox);
    links = await linksFlow(flow, browser, app.baseUrl, telegram, inbox);
    const khmer = await khmerFlow(flow, browser, app.baseUrl, inbox);
    const onRecoveryFailure = await accountRecoveryFlow(flow, browser, app.baseUrl, inbox);
    flow.step("a production server without NEXTAUTH_SECRET refuses to start", async () => {
      const { code, output } = await startWithoutSecret();
      expect(code !== null && code !== 0, `expected a non-zero exit, got ${code}`);
      expect(output.includes("NEXTAUTH_SECRET is not set"), `expected the reason in the output, got: ${output.slice(-500)}`);
    });
    const result = await flow.run(async (name) => {
      await merchant.onFailure(name);
      await receipts.onFailure(name);
      await links?.onFailure(name);
      await khmer.onFailure(name);
      await onRecoveryFailure(name);
    });
    console.log(`\n${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ""}`);
    return result.failed === 0 && result.skipped === 0 ? 0 : 1;
  } catch (error) {
    console.error("e2e: could not run", error);
    console.log("\n0 passed, 1 failed");
    return 1;
  } finally {
    await browser?.close();
    await app?.stop();
    await inbox.close();
    await links?.close();
    await telegram.close();
  }
}

process.exitCode = await main();
