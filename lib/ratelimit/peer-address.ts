import http from "node:http";

const INSTALLED = Symbol.for("khqr.peerAddressInstalled");

/**
 * Appends the address of the connection's peer to X-Forwarded-For on every request this process's HTTP
 * server receives, as a reverse proxy would. Next.js fills X-Forwarded-For with the peer's address only
 * when the header is absent (`??=`), so without this a client's own header would hide where it really
 * connected from. clientAddress() then reads the chain from the right (lib/std/client-address.ts).
 */
export function recordPeerAddresses(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") appendPeerAddress(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}

export function appendPeerAddress(request: http.IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const chain = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}
