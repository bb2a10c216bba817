import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installHttpServerHook } from "@/lib/api";
import { clientAddress, trustedProxyHops } from "@/lib/std";

const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("clientAddress", () => {
  it("with no trusted proxy (the default), is the address our own server saw: the last entry", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(headers("203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("behind one trusted proxy, is the address that proxy saw; what the client wrote further left is ignored", () => {
    expect(clientAddress(headers("6.6.6.6, 198.51.100.4, 10.0.0.2"), 1)).toBe("198.51.100.4");
    expect(clientAddress(headers("198.51.100.4, 10.0.0.2"), 1)).toBe("198.51.100.4");
  });

  it("never reads further left than the chain goes, and says unknown without one", () => {
    expect(clientAddress(headers("10.0.0.2"), 3)).toBe("10.0.0.2");
    expect(clientAddress(headers(), 0)).toBe("unknown");
    expect(clientAddress(headers(" , "), 0)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS, refusing anything but a whole number ≥ 0", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "many", ""]) expect(trustedProxyHops(bad)).toBe(0);
  });
});

describe("a real server, as Next.js sees its requests", () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    installHttpServerHook();
    server = createServer((request, response) => {
      const header = (name: string) => request.headers[name] as string | undefined;
      response.end(JSON.stringify({ hops0: clientAddress(header, 0), hops1: clientAddress(header, 1) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const seen = async (forwardedFor?: string) =>
    (await (await fetch(url, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} })).json()) as Record<string, string>;

  it("rotating X-Forwarded-For does not change the address of a direct client", async () => {
    const addresses = new Set<string>();
    for (let i = 0; i < 20; i++) addresses.add((await seen(`203.0.113.${i}`)).hops0!);
    expect([...addresses]).toEqual(["127.0.0.1"]);
    expect((await seen()).hops0).toBe("127.0.0.1");
  });

  it("methods Next.js cannot route get a 405 before it sees them: the API's envelope under /api/v1", async () => {
    const { request } = await import("node:http");
    const trace = (path: string) =>
      new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
        const sent = request(`${url.slice(0, -1)}${path}`, { method: "TRACE" }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
        });
        sent.on("error", reject);
        sent.end();
      });
    const api = await trace("/api/v1/qr");
    expect(api.status).toBe(405);
    expect(api.allow).toBe("POST, OPTIONS");
    expect(JSON.parse(api.body)).toMatchObject({ error: "method_not_allowed" });
    expect((await trace("/api/v1/nope")).status).toBe(404);
    expect((await trace("/dashboard")).status).toBe(405);
  });

  it("behind one proxy, the client is what the proxy appended", async () => {
    expect(await seen("6.6.6.6, 198.51.100.4")).toEqual({ hops0: "127.0.0.1", hops1: "198.51.100.4" });
  });
});
