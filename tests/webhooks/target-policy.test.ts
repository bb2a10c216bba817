import { describe, expect, it } from "vitest";
import { allowPrivateTargets, checkWebhookUrl } from "@/lib/webhooks";
import { WEBHOOK_URL_MAX_LENGTH } from "@/lib/webhooks/target-policy";

const PROD = { NODE_ENV: "production" };
const DEV = { NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: "false" };
const DEV_PRIVATE = { NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" };

const PRIVATE_MESSAGE = "The URL points to a private, loopback or link-local address, which webhooks cannot reach.";
const HTTPS_MESSAGE = "Use https:// — webhooks carry payment data and are sent over TLS only.";
const CREDENTIALS_MESSAGE = "Put no user name or password in the URL; verify our signature instead.";

/** An https URL of exactly `length` characters. */
const urlOfLength = (length: number) => {
  const base = "https://shop.example.com/";
  return base + "a".repeat(length - base.length);
};

describe("WEBHOOK_ALLOW_PRIVATE_TARGETS", () => {
  it("is read without the whitespace around it, as an .env file or a deploy dashboard may leave it", () => {
    expect(allowPrivateTargets({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: " true\n" })).toBe(true);
    expect(allowPrivateTargets({ NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: " false " })).toBe(false);
  });

  it("set to nothing but whitespace counts as unset: `next dev` allows private targets, production does not", () => {
    expect(allowPrivateTargets({ NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: "  " })).toBe(true);
    expect(allowPrivateTargets({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: "  " })).toBe(false);
    expect(checkWebhookUrl("http://localhost:4000/hook", { NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: " " })).toEqual({
      ok: true,
      url: "http://localhost:4000/hook",
    });
  });
});

describe("checkWebhookUrl", () => {
  it("ignores whitespace pasted around the URL", () => {
    expect(checkWebhookUrl("  https://shop.example.com/webhooks/khqr \n", PROD)).toEqual({
      ok: true,
      url: "https://shop.example.com/webhooks/khqr",
    });
  });

  it("asks for a URL when given only whitespace", () => {
    expect(checkWebhookUrl(" \t\n ", PROD)).toEqual({ ok: false, message: "Enter the URL of your webhook endpoint." });
  });

  it(`accepts a URL of exactly ${WEBHOOK_URL_MAX_LENGTH} characters, even with whitespace around it`, () => {
    const longest = urlOfLength(WEBHOOK_URL_MAX_LENGTH);
    expect(longest).toHaveLength(WEBHOOK_URL_MAX_LENGTH);
    expect(checkWebhookUrl(longest, PROD)).toEqual({ ok: true, url: longest });
    expect(checkWebhookUrl(`  ${longest}  `, PROD)).toEqual({ ok: true, url: longest });
  });

  it(`refuses a URL one character longer than ${WEBHOOK_URL_MAX_LENGTH}`, () => {
    expect(checkWebhookUrl(urlOfLength(WEBHOOK_URL_MAX_LENGTH + 1), PROD)).toEqual({
      ok: false,
      message: `The URL must be at most ${WEBHOOK_URL_MAX_LENGTH} characters.`,
    });
  });

  it.each([
    "https://hookuser@shop.example.com/hook",
    "https://:s3cret@shop.example.com/hook",
    "https://hookuser:s3cret@shop.example.com/hook",
  ])("refuses credentials in %s: a user name or a password alone is enough", (url) => {
    expect(checkWebhookUrl(url, DEV_PRIVATE)).toEqual({ ok: false, message: CREDENTIALS_MESSAGE });
  });

  it.each(["http://localhost./hook", "https://LOCALHOST./hook", "http://api.localhost./hook", "http://localhost.:3000/hook"])(
    "refuses %s: a trailing dot is the same local name",
    (url) => {
      expect(checkWebhookUrl(url, DEV)).toEqual({ ok: false, message: PRIVATE_MESSAGE });
      expect(checkWebhookUrl(url, DEV_PRIVATE).ok).toBe(true);
    },
  );

  it.each(["http://[::1]:3000/hook", "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook"])(
    "refuses the bracketed IPv6 address in %s with the private-target message",
    (url) => {
      expect(checkWebhookUrl(url, PROD)).toEqual({ ok: false, message: PRIVATE_MESSAGE });
    },
  );

  it("accepts a public bracketed IPv6 address", () => {
    expect(checkWebhookUrl("https://[2606:4700:4700::1111]/hook", PROD)).toEqual({ ok: true, url: "https://[2606:4700:4700::1111]/hook" });
  });

  it("tells a merchant in production to use https for a public host", () => {
    expect(checkWebhookUrl("http://shop.example.com/hook", PROD)).toEqual({ ok: false, message: HTTPS_MESSAGE });
  });
});
