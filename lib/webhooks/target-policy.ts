import net from "node:net";
import { isPrivateAddress } from "./private-address";

export type TargetEnv = { NODE_ENV?: string; WEBHOOK_ALLOW_PRIVATE_TARGETS?: string };

/**
 * Whether webhooks may reach this machine and private networks. WEBHOOK_ALLOW_PRIVATE_TARGETS decides when
 * set ("true" / anything else); unset, only `next dev` (NODE_ENV=development) allows it, so a receiver on
 * localhost works with no configuration while production stays closed.
 */
export function allowPrivateTargets(env: TargetEnv = process.env): boolean {
  const flag = env.WEBHOOK_ALLOW_PRIVATE_TARGETS?.trim();
  if (flag) return flag === "true";
  return env.NODE_ENV === "development";
}

export const WEBHOOK_URL_MAX_LENGTH = 2048;

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/** A host that is private by its very spelling; names that resolve privately are caught at connect time. */
export function isPrivateHostname(hostname: string): boolean {
  if (isLocalName(hostname)) return true;
  // Stryker disable next-line Regex: URL.hostname holds [ and ] only as the enclosing brackets of an IPv6 literal, so the anchors never change the result
  const unbracketed = hostname.replace(/^\[|\]$/g, "");
  return net.isIP(unbracketed) !== 0 && isPrivateAddress(unbracketed);
}

/**
 * Where an endpoint may point: https (plain http only outside production, or to a private target when
 * those are allowed), no credentials in the URL, and no private or loopback host unless allowPrivateTargets.
 */
export function checkWebhookUrl(raw: string, env: TargetEnv = process.env): UrlCheck {
  const input = raw.trim();
  if (input.length === 0) return { ok: false, message: "Enter the URL of your webhook endpoint." };
  if (input.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, message: `The URL must be at most ${WEBHOOK_URL_MAX_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: "Enter a full URL, like https://shop.example.com/webhooks/khqr." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "The URL must start with https://." };
  if (url.username || url.password) return { ok: false, message: "Put no user name or password in the URL; verify our signature instead." };
  if (url.hash) return { ok: false, message: "Remove the #fragment: it is never sent to a server." };

  const privateAllowed = allowPrivateTargets(env);
  const privateHost = isPrivateHostname(url.hostname);
  if (privateHost && !privateAllowed) {
    return { ok: false, message: "The URL points to a private, loopback or link-local address, which webhooks cannot reach." };
  }
  const production = env.NODE_ENV === "production";
  if (url.protocol === "http:" && production && !(privateAllowed && privateHost)) {
    return { ok: false, message: "Use https:// — webhooks carry payment data and are sent over TLS only." };
  }
  return { ok: true, url: url.toString() };
}
