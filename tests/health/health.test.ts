import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { closeRateLimitStore } from "@/lib/ratelimit";

const originalRedisUrl = process.env.REDIS_URL;

afterEach(async () => {
  await closeRateLimitStore();
  if (originalRedisUrl === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = originalRedisUrl;
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("GET /api/health", () => {
  it("is 200 when the database answers and no Redis is configured", async () => {
    delete process.env.REDIS_URL;
    await closeRateLimitStore();
    const response = await healthRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "ok", redis: "not_configured" });
  });

  it("is 200 with a reachable Redis", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:6379";
    await closeRateLimitStore();
    const response = await healthRoute();
    expect(await response.json()).toMatchObject({ ok: true, database: "ok", redis: "ok" });
    expect(response.status).toBe(200);
  });

  it("is 503 when the configured Redis does not answer", async () => {
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    await closeRateLimitStore();
    const response = await healthRoute();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: "ok", redis: "unavailable" });
  });

  it("reports how live Bakong is used — budget, breakers, poller, token days left — and never the token", async () => {
    const jwt = (days: number) =>
      ["e30", Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + days * 86_400 })).toString("base64url"), "sig"].join(".");
    const token = jwt(20.5);
    process.env.BAKONG_TOKEN = token;
    process.env.BAKONG_MAX_CALLS_PER_MINUTE = "90";
    try {
      const body = await (await healthRoute()).json();
      expect(body.bakong).toMatchObject({
        calls_per_minute: 90,
        calls_this_minute: 0,
        md5_list: "usable",
        outage: "closed",
        poller: "not_seen",
        token_days_left: 20,
      });
      expect(JSON.stringify(body)).not.toContain(token);
    } finally {
      delete process.env.BAKONG_TOKEN;
      delete process.env.BAKONG_MAX_CALLS_PER_MINUTE;
    }
  });
});
