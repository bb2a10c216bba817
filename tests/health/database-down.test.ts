import net from "node:net";
import { describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { closeDb } from "@/lib/db";

describe("GET /api/health without a database", () => {
  it("is 503 when PostgreSQL cannot be reached", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    await closeDb();
    const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DATA_DIR };
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/nothing`;
    try {
      const response = await healthRoute();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, database: "unavailable" });
    } finally {
      await closeDb().catch(() => {});
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
    }
  });
});
