import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { API_ROUTES, unroutedApiResponse } from "@/lib/api/routes";
import { proxy } from "@/proxy";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

async function envelope(response: Response | null) {
  expect(response).not.toBeNull();
  expect(response!.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response!.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  return { status: response!.status, body: (await response!.json()) as Record<string, unknown>, headers: response!.headers };
}

describe("the /api/v1 route table", () => {
  it("lists exactly the route files and the methods each exports", async () => {
    const fromFiles: Record<string, string[]> = {};
    for (const file of routeFiles(API_DIR)) {
      const route = `/api/v1/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
      const exported = Object.keys((await import(file)) as object).filter((name) => HTTP_METHODS.includes(name));
      fromFiles[route] = exported.filter((name) => name !== "OPTIONS").sort();
      expect(exported, route).toContain("OPTIONS");
    }
    expect(fromFiles).toEqual(Object.fromEntries(Object.entries(API_ROUTES).map(([route, methods]) => [route, [...methods].sort()])));
  });
});

describe("answers no route takes are the API's envelope", () => {
  it.each(["/api/v1/nope", "/api/v1", "/api/v1/qr/extra", "/api/v1/transaction", "/api/v1/QR"])(
    "404 not_found for %s",
    async (pathname) => {
      const { status, body } = await envelope(unroutedApiResponse("GET", pathname));
      expect(status).toBe(404);
      expect(body.error).toBe("not_found");
      expect(Object.keys(body).sort()).toEqual(["error", "message"]);
    },
  );

  it.each([
    ["GET", "/api/v1/qr", "POST, OPTIONS"],
    ["TRACE", "/api/v1/qr", "POST, OPTIONS"],
    ["DELETE", "/api/v1/transaction/check", "POST, OPTIONS"],
    ["POST", "/api/v1/me", "GET, HEAD, OPTIONS"],
    ["PUT", "/api/v1/openapi.json", "GET, HEAD, OPTIONS"],
  ])("405 method_not_allowed for %s %s, with Allow", async (method, pathname, allow) => {
    const { status, body, headers } = await envelope(unroutedApiResponse(method, pathname));
    expect(status).toBe(405);
    expect(body.error).toBe("method_not_allowed");
    expect(headers.get("allow")).toBe(allow);
  });

  it("lets every routed method through, a trailing slash included", () => {
    for (const [route, methods] of Object.entries(API_ROUTES)) {
      for (const method of [...methods, "OPTIONS"]) expect(unroutedApiResponse(method, route)).toBeNull();
    }
    expect(unroutedApiResponse("HEAD", "/api/v1/me")).toBeNull();
    expect(unroutedApiResponse("POST", "/api/v1/qr/")).toBeNull();
  });

  it("proxy.ts answers them before routing", async () => {
    const { status, body } = await envelope(await proxy(new NextRequest("http://localhost/api/v1/unknown", { method: "GET" })));
    expect(status).toBe(404);
    expect(body.error).toBe("not_found");
    const wrong = await envelope(await proxy(new NextRequest("http://localhost/api/v1/qr", { method: "GET" })));
    expect(wrong.status).toBe(405);
    const passed = await proxy(new NextRequest("http://localhost/api/v1/qr", { method: "POST" }));
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("server actions posted from another site", () => {
  const action = (origin: string | null, host = "localhost:3000") =>
    proxy(
      new NextRequest(`http://${host}/signup`, {
        method: "POST",
        headers: { "next-action": "4f0c9e2b", host, ...(origin === null ? {} : { origin }) },
      }),
    );

  it.each(["https://evil.example", "http://localhost:3001", "http://localhost.evil.example:3000", "null"])(
    "are refused with 403 when Origin is %s",
    async (origin) => {
      expect((await action(origin)).status).toBe(403);
    },
  );

  it("pass when Origin is the site itself, or absent (same-origin browsers may omit it)", async () => {
    expect((await action("http://localhost:3000")).headers.get("x-middleware-next")).toBe("1");
    expect((await action(null)).headers.get("x-middleware-next")).toBe("1");
  });
});
