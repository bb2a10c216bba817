import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bakongDeepLink } from "@/lib/payments";

// A stand-in for Bakong's generate_deeplink_by_qr: answers a short link, or an error for the QR "fail".
let server: Server;
const received: { authorization?: string; body: Record<string, unknown> }[] = [];

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text) as Record<string, unknown>;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({ authorization: request.headers.authorization, body });
    response.setHeader("content-type", "application/json");
    const ok = request.url === "/v1/generate_deeplink_by_qr" && body.qr !== "fail";
    response.end(
      JSON.stringify(
        ok
          ? { responseCode: 0, errorCode: null, data: { shortLink: `https://bakong.example/${String(body.qr)}` } }
          : { responseCode: 1, errorCode: 4, data: null },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.BAKONG_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.BAKONG_TOKEN = "test-token";
});

afterAll(async () => {
  delete process.env.BAKONG_API_URL;
  delete process.env.BAKONG_TOKEN;
  await new Promise((resolve) => server.close(resolve));
});

describe("Bakong deep link on the payment page", () => {
  const publicId = (character: string) => character.repeat(64);

  it("asks Bakong for a live QR, with the token and the page (from APP_URL) as callback, once per page", async () => {
    process.env.APP_URL = "https://pay.example.com";
    const payment = { md5: "a".repeat(32), publicId: publicId("a"), qr: "000201live", mode: "live" as const };
    expect(await bakongDeepLink(payment)).toBe("https://bakong.example/000201live");
    expect(await bakongDeepLink(payment)).toBe("https://bakong.example/000201live");
    expect(received).toHaveLength(1);
    expect(received[0]!.authorization).toBe("Bearer test-token");
    expect(received[0]!.body.sourceInfo).toEqual({
      appName: "KHQR Pay",
      appIconUrl: "https://pay.example.com/icon.svg",
      appDeepLinkCallback: `https://pay.example.com/pay/${publicId("a")}`,
    });
    delete process.env.APP_URL;
  });

  it("offers no link for sandbox QRs, without a token, or when Bakong says no", async () => {
    expect(await bakongDeepLink({ md5: "b".repeat(32), publicId: publicId("b"), qr: "x", mode: "test" })).toBeNull();
    expect(await bakongDeepLink({ md5: "c".repeat(32), publicId: publicId("c"), qr: "fail", mode: "live" })).toBeNull();
    delete process.env.BAKONG_TOKEN;
    expect(await bakongDeepLink({ md5: "d".repeat(32), publicId: publicId("d"), qr: "y", mode: "live" })).toBeNull();
    process.env.BAKONG_TOKEN = "test-token";
  });
});
