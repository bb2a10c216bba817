import { createHmac, timingSafeEqual } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backendExample, WEBHOOK_VERIFY_FUNCTION } from "@/app/docs/examples";
import { createQrRequest } from "@/lib/payments/schemas";
import { signatureHeader } from "@/lib/webhooks/sign";

type Verify = (rawBody: string, headers: Record<string, string>, secret: string) => boolean;

/** The docs' verification code, run as a merchant would paste it (ES module syntax stripped). */
function loadVerify(): Verify {
  const body = WEBHOOK_VERIFY_FUNCTION.replace(/^import .*$/m, "").replace(/^export /m, "");
  return new Function("createHmac", "timingSafeEqual", "Buffer", `${body}\nreturn isGenuineDelivery;`)(
    createHmac,
    timingSafeEqual,
    Buffer,
  ) as Verify;
}

describe("the docs' webhook verification example", () => {
  const verify = loadVerify();
  const secret = "whsec_test_secret";
  const body = JSON.stringify({ event: "transaction.paid", md5: "a".repeat(32), amount: 5 });
  const now = Math.floor(Date.now() / 1000);

  it("accepts a delivery signed the way lib/webhooks signs it", () => {
    expect(verify(body, { "x-khqr-signature": signatureHeader(secret, now, body), "x-khqr-timestamp": String(now) }, secret)).toBe(true);
  });

  it("rejects a changed body, a wrong secret, a stale timestamp and a missing header", () => {
    const headers = { "x-khqr-signature": signatureHeader(secret, now, body), "x-khqr-timestamp": String(now) };
    expect(verify(body.replace("5", "50"), headers, secret)).toBe(false);
    expect(verify(body, headers, "whsec_other")).toBe(false);
    const old = now - 3600;
    expect(verify(body, { "x-khqr-signature": signatureHeader(secret, old, body), "x-khqr-timestamp": String(old) }, secret)).toBe(false);
    expect(verify(body, {}, secret)).toBe(false);
  });
});

describe("the docs' backend example", () => {
  it("sends only fields POST /qr accepts", () => {
    const sent = /khqr\("\/qr", (\{[^}]+\})\)/.exec(backendExample("https://example.com/api/v1"))?.[1];
    expect(sent).toBeDefined();
    const fields = [...sent!.matchAll(/(\w+):/g)].map((match) => match[1]!);
    expect(fields).toContain("amount");
    expect(fields.filter((field) => !(field in createQrRequest.shape))).toEqual([]);
  });
});
