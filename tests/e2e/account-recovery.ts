import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { Browser, Page } from "playwright-core";
import { mailText, type SmtpInbox } from "../fakes/smtp-inbox";
import { expect, expectEqual, screenshot, type Flow } from "./harness";
import { linkFromEmail, requestSignUp, signUp } from "./merchant-flow";

const OLD_PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a fresh passphrase for e2e";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function screenshotBoth(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESKTOP);
}

async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** A raw HTTP request: fetch refuses methods like TRACE. */
function rawRequest(url: string, method: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** Forgotten password through a real SMTP server, sessions that end, and the holes closed, against the built app. */
export async function accountRecoveryFlow(flow: Flow, browser: Browser, baseUrl: string, inbox: SmtpInbox) {
  const owner = await browser.newContext({ viewport: DESKTOP });
  const stranger = await browser.newContext({ viewport: DESKTOP });
  const ownerPage = await owner.newPage();
  const page = await stranger.newPage();
  const email = `recover-${randomUUID().slice(0, 8)}@example.com`;
  let resetLink = "";

  flow.step("recovery: an account signed in on one browser", async () => {
    await signUp(ownerPage, baseUrl, email, inbox);
  });

  flow.step("recovery: signing up again with a used address answers the same and tells its owner", async () => {
    const seen = inbox.messages.length;
    const unusedAnswer = await requestSignUp(page, baseUrl, `fresh-${randomUUID().slice(0, 8)}@example.com`);
    await screenshotBoth(page, "signup-check-email");
    expectEqual(await requestSignUp(page, baseUrl, email, NEW_PASSWORD), unusedAnswer, "answer for an address that has an account");
    const note = await inbox.waitFor((message) => message.to.includes(email) && inbox.messages.indexOf(message) >= seen, 20_000);
    expect(mailText(note.raw).includes("Someone asked to create a KHQR Pay account"), "the owner is told someone tried their address");
    expect(!mailText(note.raw).includes("/signup/confirm"), "no link that would create a second account");
  });

  flow.step("recovery: Forgot password? emails a reset link through SMTP; unknown addresses get the same answer", async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL(`${baseUrl}/forgot-password`);
    await screenshotBoth(page, "forgot-password");
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel("Email").fill(unknown);
    await page.getByRole("button", { name: "Email me a link" }).click();
    const answer = page.getByText("If an account uses this address");
    await answer.waitFor();
    const unknownAnswer = await answer.textContent();
    await page.goto(`${baseUrl}/forgot-password`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByText("If an account uses this address").waitFor();
    expectEqual(await page.getByText("If an account uses this address").textContent(), unknownAnswer, "answer for a known address");
    await screenshotBoth(page, "forgot-password-sent");
    resetLink = await linkFromEmail(inbox, baseUrl, email, "/reset-password");
    expect(!inbox.messages.some((message) => message.to.includes(unknown)), "no email to an unknown address");
  });

  flow.step("recovery: the link sets a new password and signs in; the old session and the old password are refused", async () => {
    await page.goto(resetLink);
    await screenshotBoth(page, "reset-password");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);

    await ownerPage.goto(`${baseUrl}/dashboard`);
    await ownerPage.waitForURL(/\/login/);

    const other = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await logIn(other, baseUrl, email, OLD_PASSWORD);
    await other.getByText("Incorrect email or password.").waitFor();
    await logIn(other, baseUrl, email, NEW_PASSWORD);
    await other.waitForURL(/\/(dashboard|onboarding)/);

    await page.goto(resetLink);
    await page.getByLabel("New password").fill("yet another passphrase");
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByText("This link has expired or was already used").waitFor();
  });

  flow.step("recovery: a copied session cookie stops working after sign-out", async () => {
    const cookies = await page.context().cookies();
    const copy = await browser.newContext({ viewport: DESKTOP });
    await copy.addCookies(cookies);
    const copied = await copy.newPage();
    await copied.goto(`${baseUrl}/dashboard`);
    await copied.waitForURL(`${baseUrl}/dashboard`);
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await copied.goto(`${baseUrl}/dashboard`);
    await copied.waitForURL(/\/login/);
  });

  flow.step("production: /dev/mailbox is 404; pages carry a nonce CSP, frame denial, nosniff and HSTS", async () => {
    expectEqual((await fetch(`${baseUrl}/dev/mailbox`)).status, 404, "/dev/mailbox in production");
    const login = await fetch(`${baseUrl}/login`);
    const policy = login.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `a nonce in the CSP, got ${policy}`);
    expect(policy.includes("frame-ancestors 'none'"), "frame-ancestors 'none'");
    expect((await login.text()).includes(`nonce="${nonce}"`), "Next.js scripts carry the nonce");
    expectEqual(login.headers.get("x-frame-options"), "DENY", "X-Frame-Options");
    expectEqual(login.headers.get("x-content-type-options"), "nosniff", "X-Content-Type-Options");
    expect(login.headers.get("strict-transport-security")?.includes("max-age="), "HSTS in production");
  });

  flow.step("holes: open redirect, TRACE, foreign-origin action and rotated X-Forwarded-For are refused by the real server", async () => {
    const fresh = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await fresh.goto(`${baseUrl}/login?callbackUrl=%2F%09%2Fevil.example%2Fphish`);
    await fresh.getByLabel("Email").fill(email);
    await fresh.getByLabel("Password").fill(NEW_PASSWORD);
    await fresh.getByRole("button", { name: "Log in" }).click();
    await fresh.waitForURL((url) => url.origin === baseUrl && url.pathname !== "/login");

    const trace = await rawRequest(`${baseUrl}/api/v1/qr`, "TRACE");
    expectEqual(trace.status, 405, "TRACE /api/v1/qr");
    expectEqual((JSON.parse(trace.body) as { error: string }).error, "method_not_allowed", "TRACE envelope");
    const unknown = await fetch(`${baseUrl}/api/v1/nope`);
    expectEqual(unknown.status, 404, "unknown API path");
    expect(unknown.headers.get("x-request-id"), "X-Request-Id on the 404");

    const action = await fetch(`${baseUrl}/signup`, {
      method: "POST",
      headers: { "next-action": "0".repeat(40), origin: "https://evil.example", "content-type": "text/plain" },
      body: "[]",
    });
    expectEqual(action.status, 403, "server action from a foreign origin");

    let limited = 0;
    for (let i = 0; i < 70; i++) {
      const response = await fetch(`${baseUrl}/api/v1/me`, {
        headers: { authorization: "Bearer khqr_test_000000000000000000000000", "x-forwarded-for": `203.0.113.${i}` },
      });
      if (response.status === 429) limited++;
    }
    expect(limited > 0, "rotating X-Forwarded-For still hits the per-address limit on invalid keys");
  });

  return async (name: string) => {
    const slug = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
    for (const [index, open] of owner.pages().concat(stranger.pages()).entries())
      await screenshot(open, `failure-${slug}-recovery-${index}`);
  };
}
