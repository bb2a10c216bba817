type HeaderSource = Headers | ((name: string) => string | null | undefined);

/**
 * How many reverse proxies of ours stand in front of the app (TRUSTED_PROXY_HOPS, default 0). Each
 * appends the address it saw to X-Forwarded-For, and so does our own server (see
 * lib/api/http-server-hook.ts), so the client is the entry this many places before the last one.
 * Anything further left was written by the client and proves nothing.
 */
export function trustedProxyHops(value: string | undefined = process.env.TRUSTED_PROXY_HOPS): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops >= 0 ? hops : 0;
}

/**
 * The client's address for every per-address limit: read from the right of X-Forwarded-For, skipping
 * only the trusted proxies, so a client rotating its own X-Forwarded-For header changes nothing.
 */
export function clientAddress(headers: HeaderSource, hops: number = trustedProxyHops()): string {
  const header = typeof headers === "function" ? headers : (name: string) => headers.get(name);
  const chain = (header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "unknown";
}
