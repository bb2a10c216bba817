import { preflight, withApi } from "@/lib/api";
import { sandboxPayRequest, simulatePayment } from "@/lib/payments";

export const POST = withApi({ route: "sandbox.pay", rateLimit: "general", body: sandboxPayRequest }, ({ auth, body }) =>
  simulatePayment(auth, body.md5),
);
export const OPTIONS = preflight;
