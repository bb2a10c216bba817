/** Hand-written examples for the docs page; every field they use is checked against the schemas by tests/dashboard. */

export function backendExample(baseUrl: string): string {
  return `// server.js — your backend keeps the key; the browser never sees it.
import express from "express";

const app = express();
app.use(express.json());

const khqr = (path, body) =>
  fetch("${baseUrl}" + path, {
    method: "POST",
    headers: {
      Authorization: "Bearer " + process.env.KHQR_API_KEY,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });

// 1. Checkout: create a QR for the order (order_id makes retries safe).
app.post("/checkout/:orderId", async (req, res) => {
  const order = await loadOrder(req.params.orderId);
  const r = await khqr("/qr", { amount: order.total, currency: "USD", order_id: order.id });
  const qr = await r.json();
  if (!r.ok) return res.status(502).json(qr);
  res.json({ qr: qr.qr, md5: qr.md5, expires_at: qr.expires_at });
});

// 2. The page polls this every ~3 s until it says paid.
app.get("/checkout/:orderId/status", async (req, res) => {
  const order = await loadOrder(req.params.orderId);
  const r = await khqr("/transaction/check", { md5: order.khqrMd5 });
  const { status } = await r.json();
  if (status === "paid") await markOrderPaid(order.id);
  res.json({ status });
});`;
}

export function browserExample(): string {
  return `<div id="qr"></div>
<p id="state">Waiting for payment…</p>
<script type="module">
  import QRCode from "https://esm.sh/qrcode";

  const orderId = "ORDER-1042";
  const { qr } = await fetch("/checkout/" + orderId, { method: "POST" }).then((r) => r.json());
  document.getElementById("qr").innerHTML = await QRCode.toString(qr, { type: "svg" });

  const timer = setInterval(async () => {
    const { status } = await fetch("/checkout/" + orderId + "/status").then((r) => r.json());
    if (status === "paid") { clearInterval(timer); document.getElementById("state").textContent = "Paid — thank you!"; }
    if (status === "expired") { clearInterval(timer); document.getElementById("state").textContent = "Expired"; }
  }, 3000);
</script>`;
}

/** The verification function alone: tests/dashboard runs it against real signatures from lib/webhooks. */
export const WEBHOOK_VERIFY_FUNCTION = `import { createHmac, timingSafeEqual } from "node:crypto";

const FIVE_MINUTES = 300;

/** true when the delivery really comes from KHQR Pay and is fresh. */
export function isGenuineDelivery(rawBody, headers, endpointSecret) {
  const signature = String(headers["x-khqr-signature"] ?? "");
  const parts = Object.fromEntries(signature.split(",").map((part) => part.split("=", 2)));
  const timestamp = Number(parts.t);
  if (!parts.v1 || !Number.isFinite(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > FIVE_MINUTES) return false; // replayed or stale

  // Sign exactly the bytes received: re-serialised JSON would not match.
  const expected = createHmac("sha256", endpointSecret).update(timestamp + "." + rawBody).digest("hex");
  const given = Buffer.from(parts.v1, "utf8");
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected, "utf8"));
}`;

export const WEBHOOK_VERIFY_EXAMPLE = `${WEBHOOK_VERIFY_FUNCTION}

// Express: keep the raw body for this route.
app.post("/webhooks/khqr", express.raw({ type: "application/json" }), async (req, res) => {
  const raw = req.body.toString("utf8");
  if (!isGenuineDelivery(raw, req.headers, process.env.KHQR_WEBHOOK_SECRET)) return res.sendStatus(400);
  const event = JSON.parse(raw);
  // Retries and resends of one event carry the same id (also in X-KHQR-Event-Id).
  if (await alreadyProcessed(event.id)) return res.sendStatus(200);
  if (event.event === "transaction.paid") await markOrderPaid(event.order_id, event.md5);
  res.sendStatus(200);
});`;

/** Checking a payment link's success redirect: tests/links runs it against URLs lib/links signs. */
export const PAYMENT_LINK_VERIFY_FUNCTION = `import { createHmac, timingSafeEqual } from "node:crypto";

const TEN_MINUTES = 600;

/** true when the customer really came from a paid KHQR Pay payment link (and recently). */
export function isGenuineLinkRedirect(requestUrl, linkSigningSecret) {
  const params = new URL(requestUrl).searchParams;
  const timestamp = Number(params.get("t"));
  if (!params.get("sig") || !Number.isFinite(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > TEN_MINUTES) return false; // an old link replayed

  // The signed text: link, md5, order_id and t, in this order, each value URL-encoded.
  const signed = ["link", "md5", "order_id", "t"].map((name) => name + "=" + encodeURIComponent(params.get(name) ?? "")).join("&");
  const expected = createHmac("sha256", linkSigningSecret).update(signed).digest("hex");
  const given = Buffer.from(params.get("sig"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected, "utf8"));
}`;
