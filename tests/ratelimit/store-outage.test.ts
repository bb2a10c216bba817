import net from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLimiter, createRateLimitStore, type RateLimitStore } from "@/lib/ratelimit";
import { awayFromWindowEdge, REDIS_URL, sleep, uniquePrefix } from "./helpers";

const logged = vi.hoisted(() => [] as { level: string; msg: string; fields?: Record<string, unknown> }[]);
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: (level: string, msg: string, fields?: Record<string, unknown>) => logged.push({ level, msg, fields }),
}));

const outageLines = () => logged.filter((line) => line.msg === "rate_limit_store_unavailable");

/** A TCP proxy in front of the real Redis that the test can stop (dropping every connection) and restart. */
class StoppableProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async start(): Promise<void> {
    const redis = new URL(REDIS_URL);
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(redis.port || 6379), redis.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let store: RateLimitStore | undefined;

beforeEach(() => {
  logged.length = 0;
});

afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe("when Redis cannot be reached, requests are still served", () => {
  it("fails open against a port nothing listens on, quickly, and logs it once", async () => {
    store = createRateLimitStore({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    const limiter = createLimiter({ store, limit: 2, windowSeconds: 60, prefix: uniquePrefix("closed") });
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await limiter("key"));
    expect(decisions.every((decision) => decision.allowed && decision.failedOpen)).toBe(true);
    expect(decisions[0]).toMatchObject({ limit: 2, remaining: 2 });
    expect(outageLines()).toHaveLength(1);
    expect(outageLines()[0]).toMatchObject({ level: "warn", fields: { store: "redis" } });
  });

  it("keeps serving when Redis stops mid-test, and enforces limits again when it is back", async () => {
    await awayFromWindowEdge(60_000, 10_000);
    const proxy = new StoppableProxy();
    await proxy.start();
    store = createRateLimitStore({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    // A generous timeout: on a loaded machine the first script load must not be mistaken for an outage.
    const limiter = createLimiter({ store, limit: 3, windowSeconds: 60, prefix: uniquePrefix("midway"), timeoutMs: 5_000 });
    try {
      expect(await limiter("key")).toMatchObject({ allowed: true, remaining: 2, failedOpen: false });
      expect(outageLines()).toHaveLength(0);

      await proxy.stop();
      const during = [];
      for (let i = 0; i < 10; i++) during.push(await limiter("key"));
      expect(during.every((decision) => decision.allowed && decision.failedOpen)).toBe(true);
      // However many requests and reconnect attempts fail, the log gets one line per interval.
      expect(outageLines()).toHaveLength(1);

      await proxy.start();
      let back = await limiter("key");
      for (let waited = 0; back.failedOpen && waited < 5_000; waited += 100) {
        await sleep(100);
        back = await limiter("key");
      }
      expect(back).toMatchObject({ allowed: true, remaining: 1, failedOpen: false });
      expect((await limiter("key")).allowed).toBe(true);
      expect((await limiter("key")).allowed).toBe(false);
    } finally {
      await proxy.stop();
    }
  });

  it("fails open when the store answers too slowly, then skips it for a moment instead of waiting each time", async () => {
    // Accepts connections and never answers, like a hung Redis.
    const accepted = new Set<net.Socket>();
    let bytesReceived = 0;
    const silent = net.createServer((socket) =>
      accepted.add(socket.on("error", () => {}).on("data", (chunk) => (bytesReceived += chunk.length))),
    );
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      store = createRateLimitStore({ REDIS_URL: `redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}` });
      const limiter = createLimiter({ store, limit: 2, windowSeconds: 60, prefix: uniquePrefix("slow"), timeoutMs: 200 });
      expect(await limiter("key")).toMatchObject({ allowed: true, failedOpen: true });
      const sentBeforeRest = bytesReceived;
      // While the store rests, requests do not go to it at all (so none waits out the timeout).
      for (let i = 0; i < 20; i++) expect(await limiter("key")).toMatchObject({ allowed: true, failedOpen: true });
      expect(bytesReceived).toBe(sentBeforeRest);
      expect(outageLines()).toHaveLength(1);
      expect(outageLines()[0]?.fields?.error_message).toContain("no answer within 200 ms");
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
