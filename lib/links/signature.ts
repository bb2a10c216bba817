import { createHmac } from "node:crypto";

export type SuccessParams = { link: string; md5: string; order_id: string; t: number };

/** The signed text: the four parameters in this order, each value URL-encoded, joined as a query string. */
export function signedSuccessText(params: SuccessParams): string {
  return (["link", "md5", "order_id", "t"] as const).map((name) => `${name}=${encodeURIComponent(String(params[name]))}`).join("&");
}

/** Hex HMAC-SHA256 of the signed text with the link's signing secret. */
export function successSignature(secret: string, params: SuccessParams): string {
  return createHmac("sha256", secret).update(signedSuccessText(params)).digest("hex");
}

/** The merchant's success URL with `link`, `md5`, `order_id`, `t` (unix seconds) and `sig` added to its query. */
export function signedSuccessUrl(successUrl: string, secret: string, params: SuccessParams): string {
  const url = new URL(successUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  url.searchParams.set("sig", successSignature(secret, params));
  return url.toString();
}
