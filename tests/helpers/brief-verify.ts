import crypto from "crypto";

// The Node.js verification function published in the product brief (../shared/reference/product-brief.txt,
// "Verifying signatures"), copied VERBATIM: deliveries must pass the code merchants are told to run. Only the
// `const verify: BriefVerify =` in front is ours, so that strict TypeScript can type its untyped parameters.
type BriefVerify = (rawBody: string, headers: Record<string, string | undefined>, secret: string) => boolean;
export const verify: BriefVerify = function verify(rawBody, headers, secret) {
  const sigHeader = headers["x-khqr-signature"]; // "t=...,v1=..."
  const ts = Number(headers["x-khqr-timestamp"]);
  if (!sigHeader || !ts) return false;

  // 1. Reject stale requests (replay protection)
  if (Math.abs(Date.now() / 1000 - ts) > 300) return false;

  // 2. Recompute HMAC over "<ts>.<raw_body>" using the RAW body (do not re-serialize JSON)
  const v1 = sigHeader
    .split(",")
    .find((p) => p.startsWith("v1="))
    ?.slice(3);
  const expected = crypto.createHmac("sha256", secret).update(`${ts}.${rawBody}`).digest("hex");

  // 3. Constant-time compare
  if (!v1 || v1.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(v1), Buffer.from(expected));

  // 4. Also dedupe by X-KHQR-Delivery-Id in your DB to guard against replays.
};
