import { preflight, withApi } from "@/lib/api";
import { createPaymentLink, createPaymentLinkRequest, listPaymentLinks } from "@/lib/links";

export const POST = withApi({ route: "payment_links.create", rateLimit: "links", body: createPaymentLinkRequest }, ({ auth, body }) =>
  createPaymentLink(auth, body),
);
export const GET = withApi({ route: "payment_links.list", rateLimit: "links" }, ({ auth }) => listPaymentLinks(auth));
export const OPTIONS = preflight;
