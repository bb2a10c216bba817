import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { postWebhook } from "@/lib/webhooks";
import { RESPONSE_EXCERPT_BYTES } from "@/lib/webhooks/post-webhook";

type Seen = { method: string; headers: http.IncomingHttpHeaders; body: string };
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: (http.Server | https.Server)[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A merchant endpoint on 127.0.0.1 that answers with `handler` once the whole request body is in. */
async function endpoint(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      handler(request, response);
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/webhooks/khqr`, seen };
}

const answering = (status: number, body = "", headers: Record<string, string> = {}) =>
  endpoint((_request, response) => {
    response.writeHead(status, { "content-type": "text/plain", ...headers });
    response.end(body);
  });

const send = (url: string, body = '{"event":"transaction.paid"}', timeoutMs = 5_000) =>
  postWebhook({
    url,
    body,
    headers: { "content-type": "application/json", "x-khqr-event": "transaction.paid" },
    allowPrivateTargets: true,
    timeoutMs,
  });

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const REDIRECT_ADVICE = "not followed; point the endpoint at the final URL";

describe("postWebhook: the request", () => {
  it("is a POST carrying the body byte for byte, its content-length in bytes, and the given headers", async () => {
    const { url, seen } = await answering(200, "ok");
    const body = JSON.stringify({ event: "transaction.paid", note: "សូមអរគុណ" });

    expect(await send(url, body)).toMatchObject({ ok: true, statusCode: 200 });

    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.body).toBe(body);
    expect(seen[0]!.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(seen[0]!.headers["x-khqr-event"]).toBe("transaction.paid");
  });
});

describe("postWebhook: status codes", () => {
  it.each([200, 204, 299])("HTTP %i is a delivery", async (status) => {
    const { url } = await answering(status);
    expect(await send(url)).toMatchObject({ ok: true, statusCode: status, error: null });
  });

  it.each([300, 301, 302, 307, 308, 399])("HTTP %i without a Location is a redirect we do not follow", async (status) => {
    const { url, seen } = await answering(status);
    expect(await send(url)).toMatchObject({ ok: false, statusCode: status, error: `HTTP ${status}: redirect ${REDIRECT_ADVICE}` });
    expect(seen).toHaveLength(1);
  });

  it("a redirect's error names where it pointed, and the target is never requested", async () => {
    const elsewhere = await answering(200, "ok");
    const { url } = await answering(301, "moved", { location: elsewhere.url });

    const outcome = await send(url);

    expect(outcome).toMatchObject({
      ok: false,
      statusCode: 301,
      responseExcerpt: "moved",
      error: `HTTP 301: redirect to ${elsewhere.url} ${REDIRECT_ADVICE}`,
    });
    expect(elsewhere.seen).toHaveLength(0);
  });

  it.each([400, 404, 410, 500, 503])("HTTP %i is a failure recorded as just its code, with the receiver's answer", async (status) => {
    const { url } = await answering(status, `error page ${status}`);
    expect(await send(url)).toMatchObject({
      ok: false,
      statusCode: status,
      responseExcerpt: `error page ${status}`,
      error: `HTTP ${status}`,
    });
  });
});

describe("postWebhook: the receiver's answer kept for the delivery log", () => {
  it("an empty answer is recorded as none", async () => {
    const { url } = await answering(200, "");
    expect(await send(url)).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: null });
  });

  it("an answer sent in several pieces is kept whole", async () => {
    const { url } = await endpoint((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("received; ");
      setTimeout(() => response.end("thank you"), 100);
    });
    expect(await send(url)).toMatchObject({ ok: true, responseExcerpt: "received; thank you" });
  });

  it(`a long answer is cut to its first ${RESPONSE_EXCERPT_BYTES} bytes`, async () => {
    const long = Array.from({ length: 500 }, (_, i) => `line ${i}\n`).join("");
    expect(long.length).toBeGreaterThan(RESPONSE_EXCERPT_BYTES);
    const { url } = await answering(500, long);
    expect(await send(url)).toMatchObject({ ok: false, statusCode: 500, responseExcerpt: long.slice(0, RESPONSE_EXCERPT_BYTES) });
  });

  it(`an answer of exactly ${RESPONSE_EXCERPT_BYTES} bytes is kept whole`, async () => {
    const exact = "x".repeat(RESPONSE_EXCERPT_BYTES - 3) + "end";
    const { url } = await answering(200, exact);
    expect(await send(url)).toMatchObject({ ok: true, responseExcerpt: exact });
  });

  it(`the rest of an answer is never read: once ${RESPONSE_EXCERPT_BYTES} bytes are in, a body that never ends does not hold up the outcome`, async () => {
    const first = "a".repeat(1_500);
    const second = "b".repeat(1_500);
    const { url } = await endpoint((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write(first);
      setTimeout(() => response.write(second), 50);
      // …and the response is never ended.
    });

    const outcome = await send(url, "{}", 3_000);

    expect(outcome).toMatchObject({
      ok: true,
      statusCode: 200,
      error: null,
      responseExcerpt: (first + second).slice(0, RESPONSE_EXCERPT_BYTES),
    });
  });

  it(`a body of exactly ${RESPONSE_EXCERPT_BYTES} bytes that never ends is enough for the outcome`, async () => {
    const exact = "z".repeat(RESPONSE_EXCERPT_BYTES);
    const { url } = await endpoint((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write(exact);
    });

    expect(await send(url, "{}", 3_000)).toMatchObject({ ok: true, statusCode: 200, error: null, responseExcerpt: exact });
  });

  it("a body shorter than that which never ends is a timeout", async () => {
    const { url } = await endpoint((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("still thinking");
    });

    const outcome = await send(url, "{}", 300);

    expect(outcome).toMatchObject({ ok: false, statusCode: null, responseExcerpt: null, error: "no complete answer within 300 ms" });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
  });
});

describe("postWebhook: connection failures", () => {
  it("a receiver that drops the connection mid-answer is a failure named by its code", async () => {
    const { url } = await endpoint((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain", "content-length": "100" });
      response.write("partial", () => setTimeout(() => response.socket?.destroy(), 50));
    });

    expect(await send(url)).toEqual({
      ok: false,
      statusCode: null,
      responseExcerpt: null,
      error: "ECONNRESET: aborted",
      durationMs: expect.any(Number),
    });
  });

  it("a receiver that hangs up without answering: the error's code is put before a message that lacks it", async () => {
    const { url } = await endpoint((request) => request.socket.destroy());
    expect(await send(url)).toMatchObject({ ok: false, statusCode: null, responseExcerpt: null, error: "ECONNRESET: socket hang up" });
  });

  it("a refused connection: a message that already names its code is not prefixed again", async () => {
    const port = await closedPort();
    expect(await send(`http://127.0.0.1:${port}/webhooks/khqr`)).toMatchObject({
      ok: false,
      statusCode: null,
      error: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });
});

describe("postWebhook: https", () => {
  it("an https:// URL is sent over TLS to a closed port: a refused connection, not an unsupported protocol", async () => {
    const port = await closedPort();
    expect(await send(`https://127.0.0.1:${port}/webhooks/khqr`)).toMatchObject({
      ok: false,
      statusCode: null,
      error: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it("an https receiver whose certificate is self-signed is not trusted: nothing is posted to it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "khqr-tls-"));
    try {
      execFileSync(
        "openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
          .concat(["-addext", "subjectAltName=IP:127.0.0.1"])
          .concat(["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")]),
        { stdio: "ignore" },
      );
      const requests: string[] = [];
      let connections = 0;
      const server = https.createServer(
        { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) },
        (request, response) => {
          requests.push(request.method ?? "");
          response.end("ok");
        },
      );
      server.on("connection", () => connections++);
      const port = await listen(server);

      const outcome = await send(`https://127.0.0.1:${port}/webhooks/khqr`);

      expect(outcome).toMatchObject({ ok: false, statusCode: null, error: "DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate" });
      expect(connections).toBe(1);
      expect(requests).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
