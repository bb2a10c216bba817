import { preflight, withApi } from "@/lib/api";
import { verifyReceipt, verifyReceiptRequest } from "@/lib/payments";

export const POST = withApi({ route: "transaction.verify", rateLimit: "verify", body: verifyReceiptRequest }, ({ auth, body }) =>
  verifyReceipt({ ...auth, source: "api", apiKeyId: auth.keyId }, body),
);
export const OPTIONS = preflight;
