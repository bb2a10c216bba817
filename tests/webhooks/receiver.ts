import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; rawBody: string };
export type Reply = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> };

export type Receiver = {
  url: string;
  port: number;
  readonly received: ReceivedWebhook[];
  /** The next `times` requests get this reply; afterwards the default (200 "ok"). */
  replyNext(reply: Reply, times?: number): void;
  /** Stops listening (connections refused) until start(); the port is kept. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

/** A merchant's webhook endpoint on 127.0.0.1 that records every request exactly as received. */
export async function startReceiver(path = "/webhooks/khqr"): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const replies: Reply[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let server: http.Server | null = null;
  let port = 0;

  const answer = (response: ServerResponse, reply: Reply) => {
    if (response.destroyed) return;
    response.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
    response.end(reply.body ?? "");
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
          const reply = replies.shift() ?? { status: 200, body: "ok" };
          if (!reply.delayMs) return answer(response, reply);
          const timer = setTimeout(() => {
            pendingTimers.delete(timer);
            answer(response, reply);
          }, reply.delayMs);
          pendingTimers.add(timer);
        });
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      if (!server) return resolve();
      const closing = server;
      server = null;
      closing.close(() => resolve());
      closing.closeAllConnections();
    });

  await listen();
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    received,
    replyNext(reply, times = 1) {
      for (let i = 0; i < times; i++) replies.push(reply);
    },
    stop,
    start: listen,
    close: stop,
  };
}
