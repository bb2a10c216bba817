import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, like, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { merchantProfiles, paymentLinks, transactions, type PaymentLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createQr, normalizeAmount, toMinorUnits } from "@/lib/payments";
import { linkStatus, type LinkStatus } from "./link-state";
import { signedSuccessUrl } from "./signature";
import { isSlug } from "./slug";

/** The cookie naming this browser (random, httpOnly): what "reuse the open QR for this browser" keys on. */
export const BROWSER_COOKIE = "khqr_browser";
/** The cookie holding the public id of the QR this browser has open for a link, for that QR's lifetime. */
export const openPaymentCookie = (linkId: string) => `khqr_link_${linkId.replaceAll("-", "")}`;

export const newBrowserId = () => randomBytes(16).toString("hex");
export const isBrowserId = (value: string | undefined): value is string => value !== undefined && /^[0-9a-f]{32}$/.test(value);

/** The shop as the customer sees it: both names, so the page can show the Khmer one to Khmer readers. */
export type ShopNames = { merchantName: string | null; merchantNameKm: string | null };

export type PublicLink = { link: PaymentLink; shop: ShopNames; status: LinkStatus };

/** The link behind a public slug with its merchant's name, or null (an unknown slug is a 404). */
export async function findPublicLink(slug: string, now: Date = new Date()): Promise<PublicLink | null> {
  if (!isSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ link: paymentLinks, merchantName: merchantProfiles.merchantName, merchantNameKm: merchantProfiles.merchantNameKm })
    .from(paymentLinks)
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, paymentLinks.userId))
    .where(eq(paymentLinks.slug, slug));
  if (!row) return null;
  return {
    link: row.link,
    shop: { merchantName: row.merchantName, merchantNameKm: row.merchantNameKm },
    status: linkStatus(row.link, now),
  };
}

/**
 * The QR this browser has open for the link (its public id from the cookie), while it is still of use:
 * pending and unexpired, or paid (the page then shows it paid). Null otherwise.
 */
export async function openLinkPayment(link: PaymentLink, publicId: string | undefined, now: Date = new Date()) {
  if (!publicId) return null;
  const db = await getDb();
  const [row] = await db
    .select({ publicId: transactions.publicId, status: transactions.status })
    .from(transactions)
    .where(
      and(
        eq(transactions.publicId, publicId),
        eq(transactions.paymentLinkId, link.id),
        or(eq(transactions.status, "paid"), and(eq(transactions.status, "pending"), gt(transactions.expiresAt, now))),
      ),
    );
  return row ?? null;
}

function amountAsField(entered: string, currency: PaymentLink["currency"]): string | null {
  try {
    return normalizeAmount(entered, currency);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { field: "amount" });
    throw error;
  }
}

/** The amount the customer pays: the link's fixed amount, or theirs within the link's bounds. */
export function linkPaymentAmount(link: PaymentLink, entered: string | undefined): string {
  if (link.amount !== null) return link.amount;
  if (entered === undefined || entered === "")
    throw new AppError("invalid_input", "Enter the amount you want to pay.", { field: "amount" });
  const amount = amountAsField(entered, link.currency);
  if (amount === null) throw new AppError("invalid_input", "Enter an amount greater than zero.", { field: "amount" });
  const minor = toMinorUnits(amount, link.currency);
  if (link.minAmount !== null && minor < toMinorUnits(link.minAmount, link.currency)) {
    throw new AppError("invalid_input", `The smallest amount this link accepts is ${link.minAmount} ${link.currency}.`, {
      field: "amount",
    });
  }
  if (link.maxAmount !== null && minor > toMinorUnits(link.maxAmount, link.currency)) {
    throw new AppError("invalid_input", `The largest amount this link accepts is ${link.maxAmount} ${link.currency}.`, { field: "amount" });
  }
  return amount;
}

const digest = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * Starts (or finds again) this browser's payment through a link: a dynamic QR made by the same createQr as
 * the API — plan quota, limits and idempotency included. Its order_id is derived from the link, the
 * browser, the amount and how many of this browser's QRs for the link are finished, so a reload, a second
 * tab or a double tap replay the open QR instead of making another, and a new one is made only once the
 * last is paid or expired. Returns the QR's public id and expiry (the cookie's lifetime).
 */
export async function startLinkPayment(slug: string, browserId: string, entered: string | undefined, now: Date = new Date()) {
  const found = await findPublicLink(slug, now);
  if (!found) throw new AppError("not_found", "This payment link does not exist.");
  const { link } = found;
  if (found.status !== "active") throw new AppError("conflict", "This payment link no longer takes payments.");
  const amount = linkPaymentAmount(link, entered);
  const browserTag = digest(`browser:${browserId}`).slice(0, 16).replace(/[-_]/g, "0");
  const orderPrefix = `lnk_${browserTag}_`;
  const db = await getDb();
  const [finished] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(transactions)
    .where(
      and(
        eq(transactions.paymentLinkId, link.id),
        // "_" is LIKE's any-character: matched literally here.
        like(transactions.orderId, `${orderPrefix.replaceAll("_", "\\_")}%`),
        or(sql`${transactions.status} <> 'pending'`, sql`${transactions.expiresAt} <= ${now.toISOString()}::timestamptz`),
      ),
    );
  const key = digest(`${link.id}:${browserId}:${finished?.n ?? 0}:${toMinorUnits(amount, link.currency)}`).slice(0, 22);
  const qr = await createQr(
    { userId: link.userId, mode: link.mode, keyId: null, paymentLinkId: link.id },
    {
      amount,
      currency: link.currency,
      order_id: `${orderPrefix}${key}`,
      bill_number: link.billNumberPrefix ? `${link.billNumberPrefix}-${key.slice(0, 6).toUpperCase()}` : undefined,
    },
    () => now,
  );
  // createQr answers as the API does; the page's id is the last segment of its pay_url.
  return {
    linkId: link.id,
    publicId: new URL(qr.pay_url).pathname.split("/").pop()!,
    expiresAt: qr.expires_at ? new Date(qr.expires_at) : null,
  };
}

export type LinkSuccess =
  | { kind: "redirect"; url: string }
  | {
      kind: "receipt";
      mode: PaymentLink["mode"];
      shop: ShopNames;
      title: string;
      amount: string | null;
      currency: string;
      billNumber: string | null;
      md5: string;
      paidAt: Date | null;
      hash: string | null;
    };

/**
 * Where a customer goes once their payment through the link is paid: the merchant's success URL with
 * signed parameters, or (without one) the receipt. Null unless the QR is this link's and paid.
 */
export async function linkPaymentSuccess(slug: string, publicId: string, now: Date = new Date()): Promise<LinkSuccess | null> {
  if (!isSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      link: paymentLinks,
      payment: transactions,
      merchantName: merchantProfiles.merchantName,
      merchantNameKm: merchantProfiles.merchantNameKm,
    })
    .from(transactions)
    .innerJoin(paymentLinks, eq(paymentLinks.id, transactions.paymentLinkId))
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, paymentLinks.userId))
    .where(and(eq(paymentLinks.slug, slug), eq(transactions.publicId, publicId), eq(transactions.status, "paid")));
  if (!row) return null;
  const { link, payment } = row;
  if (link.successUrl) {
    const params = { link: link.id, md5: payment.md5, order_id: payment.orderId ?? "", t: Math.floor(now.getTime() / 1000) };
    return { kind: "redirect", url: signedSuccessUrl(link.successUrl, link.signingSecret, params) };
  }
  return {
    kind: "receipt",
    mode: payment.mode,
    shop: { merchantName: row.merchantName, merchantNameKm: row.merchantNameKm },
    title: link.title,
    amount: payment.amount,
    currency: payment.currency,
    billNumber: payment.billNumber,
    md5: payment.md5,
    paidAt: payment.paidAt,
    hash: payment.bakongHash,
  };
}
