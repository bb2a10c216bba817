import { createHash, randomInt, randomUUID } from "node:crypto";
import { encodeKhqr, KhqrFieldError } from "@/lib/khqr";
import { AppError } from "@/lib/errors";
import { QR_EXPIRY_SECONDS } from "@/lib/config/limits";
import { getDb, violatedUniqueConstraint } from "@/lib/db";
import { readAccount } from "@/lib/accounts";
import type { AccountScope, ApiAccount } from "@/lib/accounts";
import type { Currency } from "@/lib/config/enums";
import type { Transaction } from "@/lib/db/schema";
import { khqrAccountFields } from "@/lib/merchants";
import { normalizeAmount, toMinorUnits } from "./amounts";
import { nextCheckAt } from "./poll-schedule";
import { findOwnTransactionByOrder } from "./find-transaction";
import { insertQr, type NewQrRow } from "./insert-qr";
import { newPublicId } from "./public-id";
import type { CreateQrRequest } from "./schemas";
import { qrView } from "./serialize";

const MD5_COLLISION_RETRIES = 5;

function fingerprint(parts: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * Who asks for a QR: an API key (`keyId`, re-checked in the write), or a customer on a payment link page
 * (no key, `paymentLinkId` recorded on the row). `account` is what the key lookup read, if it did.
 */
export type QrIssuer = AccountScope & { keyId: string | null; account?: ApiAccount; paymentLinkId?: string };

/**
 * Creates a KHQR for the key's account. An order_id makes it idempotent: the unique index decides
 * which of any number of concurrent requests creates the row; the others replay it.
 */
export async function createQr(auth: QrIssuer, request: CreateQrRequest, now: () => Date = () => new Date()) {
  // The account as the key lookup read it, or read now for callers that hold only the key's ids.
  const { plan, profile, version } = auth.account ?? (await readAccount(auth.userId));
  if (!profile) {
    throw new AppError(
      "merchant_not_configured",
      "Save your Bakong account ID and merchant name in the dashboard (Settings → Merchant profile) before creating QR codes.",
    );
  }
  const currency = request.currency ?? profile.currency;
  const amount = normalizeAmount(request.amount, currency);
  const isStatic = amount === null;
  if (isStatic && request.expires_in_seconds !== undefined) {
    throw new AppError(
      "invalid_input",
      "expires_in_seconds applies to dynamic QRs only: send a positive amount, or leave expires_in_seconds out for a static QR",
    );
  }
  const expiresInSeconds = isStatic ? null : (request.expires_in_seconds ?? QR_EXPIRY_SECONDS.default);
  // Compared by value, so "5", 5 and "5.00" replay the same order.
  const requestFingerprint = fingerprint({
    amount: amount === null ? null : toMinorUnits(amount, currency),
    currency,
    bill: request.bill_number ?? null,
    store: request.store_label ?? null,
    terminal: request.terminal_label ?? null,
    expiresInSeconds,
  });

  const db = await getDb();
  for (let attempt = 0; attempt < MD5_COLLISION_RETRIES; attempt++) {
    // Two QRs with identical fields created in the same millisecond would share one md5, and so one payment:
    // a retry moves the creation time to a random millisecond of the next second, so that requests which
    // collided together do not collide again.
    const createdAt = new Date(now().getTime() + (attempt === 0 ? 0 : randomInt(1, 1000)));
    const expiresAt = expiresInSeconds === null ? null : new Date(createdAt.getTime() + expiresInSeconds * 1000);
    let encoded;
    try {
      encoded = encodeKhqr({
        ...khqrAccountFields(profile),
        currency,
        amount: amount ?? undefined,
        billNumber: request.bill_number,
        storeLabel: request.store_label,
        terminalLabel: request.terminal_label,
        createdAtMs: createdAt.getTime(),
        expiresAtMs: expiresAt?.getTime(),
      });
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent, encodeKhqr throws nothing but KhqrFieldError; rethrowing the rest only guards a future change
      if (error instanceof KhqrFieldError) throw new AppError("invalid_input", error.message);
      throw error;
    }
    const row: NewQrRow = {
      id: randomUUID(),
      userId: auth.userId,
      mode: auth.mode,
      apiKeyId: auth.keyId,
      orderId: request.order_id ?? null,
      md5: encoded.md5,
      publicId: newPublicId(),
      qr: encoded.qr,
      isStatic,
      amount,
      currency,
      billNumber: request.bill_number ?? null,
      storeLabel: request.store_label ?? null,
      terminalLabel: request.terminal_label ?? null,
      toAccountId: profile.bakongAccountId,
      requestFingerprint,
      status: isStatic ? "static" : "pending",
      expiresAt,
      createdAt,
      nextCheckAt: expiresAt ? nextCheckAt(createdAt, expiresAt, createdAt) : null,
      paymentLinkId: auth.paymentLinkId ?? null,
    };
    try {
      const status = await insertQr(
        db,
        row,
        randomUUID(),
        { userId: auth.userId, keyId: auth.keyId, version },
        { userId: auth.userId, mode: auth.mode, plan, now: createdAt },
      );
      if (status) return qrView({ ...row, status }, false);
      return replay(auth, request.order_id!, requestFingerprint, {
        amount,
        currency,
        bill_number: row.billNumber,
        store_label: row.storeLabel,
        terminal_label: row.terminalLabel,
        expires_in_seconds: expiresInSeconds,
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) === "transactions_dynamic_md5_key") continue;
      throw error;
    }
  }
  throw new Error("could not create a QR with a unique md5");
}

async function replay(auth: QrIssuer, orderId: string, requestFingerprint: string, sent: ReplayedFields) {
  const existing = await findOwnTransactionByOrder(auth, orderId);
  if (existing.requestFingerprint !== requestFingerprint) {
    const differing = differingFields(existing, sent);
    throw new AppError(
      "conflict",
      `order_id "${orderId}" was already used with different parameters${differing.length > 0 ? ` (${differing.join(", ")})` : ""}. ` +
        "Send the same parameters to get the original QR back, or use a new order_id for a new payment.",
    );
  }
  return qrView(existing, true);
}

/** What an order's parameters were, compared by value as the fingerprint compares them. */
type ReplayedFields = {
  amount: string | null;
  currency: Currency;
  bill_number: string | null;
  store_label: string | null;
  terminal_label: string | null;
  expires_in_seconds: number | null;
};

/** The request fields whose values differ from the stored order's, for the 409's message. */
function differingFields(existing: Transaction, sent: ReplayedFields): string[] {
  const stored: ReplayedFields = {
    amount: existing.amount,
    currency: existing.currency,
    bill_number: existing.billNumber,
    store_label: existing.storeLabel,
    terminal_label: existing.terminalLabel,
    expires_in_seconds: existing.expiresAt ? Math.round((existing.expiresAt.getTime() - existing.createdAt.getTime()) / 1000) : null,
  };
  // Stryker disable next-line ConditionalExpression: equivalent, a null amount reads as 0 minor units, and a stored or sent amount is never 0 (normalizeAmount makes 0 null)
  const minor = (fields: ReplayedFields) => (fields.amount === null ? null : toMinorUnits(fields.amount, fields.currency));
  return (Object.keys(stored) as (keyof ReplayedFields)[]).filter((name) =>
    name === "amount" ? minor(stored) !== minor(sent) : stored[name] !== sent[name],
  );
}
