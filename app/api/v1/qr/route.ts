import { preflight, withApi } from "@/lib/api";
import { createQr, createQrRequest } from "@/lib/payments";

export const POST = withApi({ route: "qr.create", rateLimit: "qr", body: createQrRequest, handlerRechecksKey: true }, ({ auth, body }) =>
  createQr(auth, body),
);
export const OPTIONS = preflight;
