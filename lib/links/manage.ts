import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { readAccount, type AccountScope } from "@/lib/accounts";
import { getDb } from "@/lib/db";
import { paymentLinks, transactions, type PaymentLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeAmount } from "@/lib/payments";
import { isUuid } from "@/lib/std";
import { generateWebhookSecret } from "@/lib/webhooks";
import type { CreatePaymentLinkRequest } from "./schemas";
import { newSlug } from "./slug";
import { paymentLinkView, type LinkTotals } from "./view";

const LIST_LIMIT = 100;

function amountField(value: number | string | undefined, currency: CreatePaymentLinkRequest["currency"], field: string): string | null {
  if (value === undefined) return null;
  try {
    return normalizeAmount(value, currency);
  } catch (error) {
    if (error instanceof AppError) throw new AppError("invalid_input", `${field}: ${error.message}`, { field });
    throw error;
  }
}

/** Creates a link in the scope's mode; the merchant profile must exist (a payment needs its Bakong account). */
export async function createPaymentLink(scope: AccountScope, request: CreatePaymentLinkRequest, now: Date = new Date()) {
  const { profile } = await readAccount(scope.userId);
  if (!profile) {
    throw new AppError(
      "merchant_not_configured",
      "Save your Bakong account ID and merchant name (Settings → Merchant profile) before creating payment links.",
    );
  }
  const expiresAt = request.expires_at === undefined ? null : new Date(request.expires_at);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "expires_at must be in the future", { field: "expires_at" });
  }
  const link: PaymentLink = {
    id: randomUUID(),
    userId: scope.userId,
    mode: scope.mode,
    slug: newSlug(),
    title: request.title,
    description: request.description ?? null,
    currency: request.currency,
    amount: amountField(request.amount, request.currency, "amount"),
    minAmount: amountField(request.min_amount, request.currency, "min_amount"),
    maxAmount: amountField(request.max_amount, request.currency, "max_amount"),
    billNumberPrefix: request.bill_number_prefix ?? null,
    reusable: request.reusable,
    expiresAt,
    successUrl: request.success_url ?? null,
    signingSecret: generateWebhookSecret(),
    active: true,
    deactivatedAt: null,
    usedAt: null,
    createdAt: now,
  };
  const db = await getDb();
  await db.insert(paymentLinks).values(link);
  return paymentLinkView(link, { count: 0, total: null }, now);
}

/** Paid payments and their sum per link. */
async function totalsOf(linkIds: string[]): Promise<Map<string, LinkTotals>> {
  if (linkIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      linkId: transactions.paymentLinkId,
      count: sql<number>`count(*)::int`,
      total: sql<string | null>`sum(${transactions.amount})`,
    })
    .from(transactions)
    .where(and(inArray(transactions.paymentLinkId, linkIds), eq(transactions.status, "paid")))
    .groupBy(transactions.paymentLinkId);
  return new Map(rows.map((row) => [row.linkId!, { count: row.count, total: row.total }]));
}

/** The scope's links, newest first (the newest LIST_LIMIT). */
export async function listPaymentLinks(scope: AccountScope) {
  const db = await getDb();
  const links = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.userId, scope.userId), eq(paymentLinks.mode, scope.mode)))
    .orderBy(desc(paymentLinks.createdAt), desc(paymentLinks.id))
    .limit(LIST_LIMIT);
  const totals = await totalsOf(links.map((link) => link.id));
  return { data: links.map((link) => paymentLinkView(link, totals.get(link.id) ?? { count: 0, total: null })) };
}

/** One of the scope's links with its secret row; anything else is indistinguishable from absent. */
export async function findOwnPaymentLink(scope: AccountScope, id: string): Promise<PaymentLink> {
  const db = await getDb();
  const [link] = isUuid(id)
    ? await db
        .select()
        .from(paymentLinks)
        .where(and(eq(paymentLinks.id, id), eq(paymentLinks.userId, scope.userId), eq(paymentLinks.mode, scope.mode)))
    : [];
  if (!link) throw new AppError("not_found", `No ${scope.mode} payment link with id ${id} for this account.`);
  return link;
}

export async function getPaymentLink(scope: AccountScope, id: string) {
  const link = await findOwnPaymentLink(scope, id);
  const totals = await totalsOf([link.id]);
  return paymentLinkView(link, totals.get(link.id) ?? { count: 0, total: null });
}

/** Deactivates a link (once; deactivating again answers the link as it is). Open QRs made from it stay payable. */
export async function deactivatePaymentLink(scope: AccountScope, id: string, now: Date = new Date()) {
  const link = await findOwnPaymentLink(scope, id);
  const db = await getDb();
  await db
    .update(paymentLinks)
    .set({ active: false, deactivatedAt: now })
    .where(and(eq(paymentLinks.id, link.id), eq(paymentLinks.active, true)));
  return getPaymentLink(scope, id);
}

/** The link's newest transactions, for its dashboard page. */
export async function paymentLinkTransactions(scope: AccountScope, id: string, limit = 50) {
  const link = await findOwnPaymentLink(scope, id);
  const db = await getDb();
  return db
    .select({
      id: transactions.id,
      md5: transactions.md5,
      amount: transactions.amount,
      currency: transactions.currency,
      status: transactions.status,
      billNumber: transactions.billNumber,
      orderId: transactions.orderId,
      createdAt: transactions.createdAt,
      paidAt: transactions.paidAt,
    })
    .from(transactions)
    .where(eq(transactions.paymentLinkId, link.id))
    .orderBy(desc(transactions.createdAt))
    .limit(limit);
}

/** A link of the signed-in user in either mode (the dashboard shows both), with its signing secret. */
export async function findUsersPaymentLink(userId: string, id: string): Promise<PaymentLink | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [link] = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.id, id), eq(paymentLinks.userId, userId)));
  return link ?? null;
}
