import { lastPathSegment, preflight, withApi } from "@/lib/api";
import { deactivatePaymentLink, getPaymentLink, updatePaymentLinkRequest } from "@/lib/links";

export const GET = withApi({ route: "payment_links.get", rateLimit: "links" }, ({ auth, request }) =>
  getPaymentLink(auth, lastPathSegment(request)),
);
export const PATCH = withApi({ route: "payment_links.update", rateLimit: "links", body: updatePaymentLinkRequest }, ({ auth, request }) =>
  deactivatePaymentLink(auth, lastPathSegment(request)),
);
export const OPTIONS = preflight;
