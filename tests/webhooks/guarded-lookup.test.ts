import dns, { type LookupAddress } from "node:dns";
import { afterEach, describe, expect, it, vi } from "vitest";
import { postWebhook } from "@/lib/webhooks";
import { guardedLookup, PrivateTargetError } from "@/lib/webhooks/guarded-lookup";

afterEach(() => {
  vi.restoreAllMocks();
});

/** DNS as the name's owner configures it: these names answer with the given addresses (or error); nothing else resolves. */
function resolveNames(answers: Record<string, string[] | NodeJS.ErrnoException>) {
  return vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
    const answer = answers[hostname];
    if (answer === undefined) throw new Error(`unexpected lookup of ${hostname}`);
    if (answer instanceof Error) return process.nextTick(() => callback(answer));
    const all: LookupAddress[] = answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    process.nextTick(() => ((options as { all?: boolean }).all ? callback(null, all) : callback(null, all[0]?.address, all[0]?.family)));
  }) as unknown as typeof dns.lookup);
}

/** What the guarded lookup hands to the socket that asked, as the arguments of its callback. */
const lookup = (hostname: string, options: dns.LookupOptions) =>
  new Promise<unknown[]>((resolve) => guardedLookup()(hostname, options, (...args: unknown[]) => resolve(args)));

const notFound = () =>
  Object.assign(new Error("getaddrinfo ENOTFOUND hooks.example.com"), { code: "ENOTFOUND", hostname: "hooks.example.com" });

describe("guardedLookup", () => {
  it("hands a socket that asks for every address the whole public answer", async () => {
    resolveNames({ "hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"] });
    expect(await lookup("hooks.example.com", { all: true })).toEqual([
      null,
      [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
      ],
    ]);
  });

  it("hands a socket that asks for one address the first public one, with its family", async () => {
    resolveNames({ "hooks.example.com": ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", "93.184.215.14"] });
    expect(await lookup("hooks.example.com", {})).toEqual([null, "2606:2800:21f:cb07:6820:80da:af6b:8b2c", 6]);
  });

  it("asks DNS for every address of the name even when the socket wants one, so a private second address is seen", async () => {
    const dnsLookup = resolveNames({ "hooks.example.com": ["93.184.215.14", "10.0.0.7"] });
    const [error] = await lookup("hooks.example.com", { family: 4 });
    expect(dnsLookup).toHaveBeenCalledWith("hooks.example.com", { family: 4, all: true }, expect.any(Function));
    expect(error).toBeInstanceOf(PrivateTargetError);
  });

  it.each([{ all: true }, {}])(
    "refuses a name that resolves to a private address (socket asking for %j): EPRIVATETARGET, and no address to connect to",
    async (options) => {
      resolveNames({ "hooks.example.com": ["169.254.169.254"] });
      const [error, address] = await lookup("hooks.example.com", options);
      expect(error).toBeInstanceOf(PrivateTargetError);
      expect(error).toMatchObject({
        name: "PrivateTargetError",
        code: "EPRIVATETARGET",
        message:
          "hooks.example.com resolves to 169.254.169.254, a private, loopback or link-local address; webhooks may only reach public addresses",
      });
      expect(String(error)).toMatch(/^PrivateTargetError: hooks\.example\.com resolves to 169\.254\.169\.254/);
      expect(address).toBeFalsy();
    },
  );

  it("passes a DNS error through unchanged, with no address", async () => {
    const dnsError = notFound();
    resolveNames({ "hooks.example.com": dnsError });
    const [error, address] = await lookup("hooks.example.com", { all: true });
    expect(error).toBe(dnsError);
    expect(address).toBeFalsy();
  });

  it("a name that resolves to no address at all is not found (socket asking for one address)", async () => {
    resolveNames({ "hooks.example.com": [] });
    const [error, address] = await lookup("hooks.example.com", {});
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "ENOTFOUND", message: "no address for hooks.example.com" });
    expect(address).toBeFalsy();
  });
});

describe("postWebhook to a name, through the guarded lookup", () => {
  const send = (url: string) => postWebhook({ url, body: "{}", headers: {}, allowPrivateTargets: false, timeoutMs: 5_000 });

  it("a name DNS does not know is recorded with the resolver's own error", async () => {
    resolveNames({ "hooks.example.com": notFound() });
    expect(await send("http://hooks.example.com/webhooks/khqr")).toMatchObject({
      ok: false,
      statusCode: null,
      error: "getaddrinfo ENOTFOUND hooks.example.com",
    });
  });

  it("a name that resolves to a private address is recorded with the refusal, naming the address", async () => {
    resolveNames({ "hooks.example.com": ["192.168.1.20"] });
    expect(await send("https://hooks.example.com/webhooks/khqr")).toMatchObject({
      ok: false,
      statusCode: null,
      error:
        "hooks.example.com resolves to 192.168.1.20, a private, loopback or link-local address; webhooks may only reach public addresses",
    });
  });
});
