import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { method: string; path: string; headers: Record<string, string>; rawBody: string; at: number };

export type WebhookReceiver = {
  /** http://127.0.0.1:<port>/hook */
  url: string;
  received: ReceivedWebhook[];
  /** Resolves with the first request that matches, polling every 200 ms; rejects after timeoutMs. */
  waitFor: (match: (request: ReceivedWebhook) => boolean, timeoutMs: number) => Promise<ReceivedWebhook>;
  close: () => Promise<void>;
};

/** A merchant's webhook endpoint on this machine: records every request (raw body + headers) and answers 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      // Lower-cased names, one string each (Node joins repeated headers), as a framework would hand them to verify().
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
      );
      received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      });
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    waitFor: async (match, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no matching webhook within ${timeoutMs / 1000} s; received ${received.length}: ${received.map((r) => r.rawBody.slice(0, 200)).join(" | ")}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
