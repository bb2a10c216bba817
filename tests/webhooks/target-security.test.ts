import dns, { type LookupAddress } from "node:dns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { allowPrivateTargets, checkWebhookUrl, deliverDueWebhooks, isPrivateAddress, postWebhook } from "@/lib/webhooks";
import { deliveryById, paidWithEndpoint } from "./fixtures";
import { startReceiver, type Receiver } from "./receiver";

const PROD = { NODE_ENV: "production" };
const PROD_PRIVATE = { NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" };
const DEV = { NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: "false" };
const DEV_PRIVATE = { NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" };

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.0.1",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.10",
    "::1",
    "::",
    "fd00::1",
    "fc00::abcd",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:8.8.8.8",
    "::127.0.0.1",
    "::a00:1",
    "::8.8.8.8",
    "64:ff9b::a00:1",
    "ff02::1",
    "not-an-ip",
    "",
  ])("%s is refused", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "203.0.114.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"])(
    "%s is public",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe("checkWebhookUrl", () => {
  it("accepts https to a public host anywhere", () => {
    expect(checkWebhookUrl("https://shop.example.com/webhooks/khqr", PROD)).toEqual({
      ok: true,
      url: "https://shop.example.com/webhooks/khqr",
    });
  });

  it("requires https in production, even with the private-targets flag for public hosts", () => {
    expect(checkWebhookUrl("http://shop.example.com/hook", PROD).ok).toBe(false);
    expect(checkWebhookUrl("http://shop.example.com/hook", PROD_PRIVATE).ok).toBe(false);
    expect(checkWebhookUrl("http://shop.example.com/hook", DEV).ok).toBe(true);
  });

  it.each([
    "http://localhost:3000/hook",
    "https://localhost/hook",
    "http://api.localhost/hook",
    "http://127.0.0.1/hook",
    "http://127.1/hook",
    "http://0x7f000001/hook",
    "https://10.0.0.5/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]/hook",
    "http://[fd12::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::127.0.0.1]/hook",
    "http://100.64.1.1/hook",
  ])("refuses the private target %s unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true", (url) => {
    expect(checkWebhookUrl(url, DEV).ok).toBe(false);
    expect(checkWebhookUrl(url, PROD).ok).toBe(false);
    expect(checkWebhookUrl(url, DEV_PRIVATE).ok).toBe(true);
  });

  it("allows http://localhost in production only with the private-targets flag", () => {
    expect(checkWebhookUrl("http://localhost:4000/hook", PROD_PRIVATE).ok).toBe(true);
  });

  it('private targets: allowed by `next dev` when the flag is unset, refused elsewhere unless it is "true"', () => {
    expect(allowPrivateTargets({ NODE_ENV: "development" })).toBe(true);
    expect(allowPrivateTargets({ NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_TARGETS: "false" })).toBe(false);
    expect(allowPrivateTargets({ NODE_ENV: "production" })).toBe(false);
    expect(allowPrivateTargets({ NODE_ENV: "test" })).toBe(false);
    expect(allowPrivateTargets({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" })).toBe(true);
  });

  it.each([
    ["", /Enter the URL/],
    ["shop.example.com/hook", /full URL/],
    ["ftp://shop.example.com/hook", /https/],
    ["https://user:pass@shop.example.com/hook", /user name or password/],
    ["https://shop.example.com/hook#frag", /fragment/],
    [`https://shop.example.com/${"a".repeat(2100)}`, /at most 2048/],
  ])("refuses %j", (url, message) => {
    const result = checkWebhookUrl(url, DEV_PRIVATE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("connect-time address check (SSRF)", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  afterEach(() => {
    receiver.received.length = 0;
    vi.restoreAllMocks();
  });

  /** DNS as an attacker controls it: these public-looking names answer with the given addresses; others resolve as usual. */
  function resolveNames(answers: Record<string, string[]>) {
    const realLookup = dns.lookup.bind(dns);
    return vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
      const addresses = answers[hostname];
      if (!addresses) return (realLookup as (...args: unknown[]) => void)(hostname, options, callback);
      const all: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
      process.nextTick(() => ((options as { all?: boolean }).all ? callback(null, all) : callback(null, all[0]!.address, all[0]!.family)));
    }) as unknown as typeof dns.lookup);
  }

  const send = (url: string, allowPrivateTargets: boolean) =>
    postWebhook({ url, body: "{}", headers: { "content-type": "application/json" }, allowPrivateTargets, timeoutMs: 2_000 });

  it("refuses a private IP literal without connecting", async () => {
    const outcome = await send(receiver.url, false);
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.error).toMatch(/private, loopback or link-local/);
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses a host name that resolves to a private address, checked after DNS", async () => {
    const outcome = await send(`http://localhost:${receiver.port}/webhooks/khqr`, false);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/localhost resolves to .* private, loopback or link-local/);
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses a public-looking name whose DNS answers 127.0.0.1 (rebinding): nothing reaches the receiver", async () => {
    const lookup = resolveNames({ "hooks.example.com": ["127.0.0.1"] });
    const outcome = await send(`http://hooks.example.com:${receiver.port}/webhooks/khqr`, false);
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.error).toBe(
      `hooks.example.com resolves to 127.0.0.1, a private, loopback or link-local address; webhooks may only reach public addresses`,
    );
    expect(lookup).toHaveBeenCalledWith("hooks.example.com", expect.anything(), expect.any(Function));
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses a name when any one of its addresses is private, even if the first is public", async () => {
    resolveNames({ "hooks.example.com": ["93.184.215.14", "10.0.0.7"] });
    const outcome = await send(`http://hooks.example.com:${receiver.port}/webhooks/khqr`, false);
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.error).toMatch(/^hooks\.example\.com resolves to 10\.0\.0\.7, a private/);
    expect(receiver.received).toHaveLength(0);
  });

  it("the same rebinding name is delivered to when WEBHOOK_ALLOW_PRIVATE_TARGETS=true (the refusal above is the guard's)", async () => {
    resolveNames({ "hooks.example.com": ["127.0.0.1"] });
    expect(await send(`http://hooks.example.com:${receiver.port}/webhooks/khqr`, true)).toMatchObject({ ok: true, statusCode: 200 });
    expect(receiver.received).toHaveLength(1);
  });

  it("refuses the cloud metadata address", async () => {
    const outcome = await send("http://169.254.169.254/latest/meta-data/", false);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/private/);
  });

  it("delivers to the same targets when WEBHOOK_ALLOW_PRIVATE_TARGETS=true", async () => {
    expect(await send(receiver.url, true)).toMatchObject({ ok: true, statusCode: 200 });
    expect(await send(`http://localhost:${receiver.port}/webhooks/khqr`, true)).toMatchObject({ ok: true, statusCode: 200 });
    expect(receiver.received).toHaveLength(2);
  });

  it("refuses delivery to a private endpoint already saved once the flag is turned off", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    const previous = process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "false";
    try {
      expect(await deliverDueWebhooks({ now })).toMatchObject({ retrying: 1 });
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = previous;
    }
    expect(receiver.received).toHaveLength(0);
    expect((await deliveryById(setup.delivery.id)).lastError).toMatch(/private/);
  });
});
