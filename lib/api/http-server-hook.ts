import http from "node:http";
import { unroutedApiResponse } from "./routes";

const INSTALLED = Symbol.for("khqr.httpServerHookInstalled");
/** The methods Next.js can route; it fails with a 500 on any other (TRACE) before proxy.ts runs. */
const ROUTABLE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

/**
 * Runs on every request this process's HTTP server receives, before Next.js sees it:
 * - appends the connection's peer address to X-Forwarded-For, as a reverse proxy would. Next.js fills
 *   X-Forwarded-For with the peer's address only when the header is absent (`??=`), so without this a
 *   client's own header would hide where it really connected from; clientAddress() reads the chain from
 *   the right (lib/std/client-address.ts);
 * - answers methods Next.js cannot route with a 405 (the API's envelope under /api/v1).
 */
export function installHttpServerHook(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function emitThroughHook(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      appendPeerAddress(request);
      if (!ROUTABLE_METHODS.has(request.method ?? "")) {
        answerUnroutableMethod(request, response);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}

export function appendPeerAddress(request: http.IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const chain = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}

function answerUnroutableMethod(request: http.IncomingMessage, response: http.ServerResponse): void {
  const pathname = new URL(request.url ?? "/", "http://unroutable.invalid").pathname;
  request.resume();
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) {
    const answer = unroutedApiResponse(request.method ?? "", pathname)!;
    void answer.text().then((body) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(body);
    });
    return;
  }
  response.writeHead(405, { Allow: "GET, HEAD, POST, OPTIONS", "Content-Type": "text/plain; charset=utf-8" });
  response.end("Method not allowed");
}
