import { preflight, withApi } from "@/lib/api";
import { sandboxPayRequest, simulatePayment } from "@/lib/payments";

export const POST = withApi({ route: "sandbox.pay", rateLimit: "general", body: sandboxPayRequest }, ({ auth, body }) =>
  simulatePayment(auth, body),
);
export const OPTIONS = preflight;
