import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { BakongUnavailableError } from "@/lib/bakong";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { OUTAGE_BACKOFF_MS, outageBackoffMs, outageDetail, rescheduleNow } from "@/lib/payments/bakong-outage";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertPendingTransactions } from "./pending-transactions";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

const notConfigured = () =>
  new BakongUnavailableError(
    "not_configured",
    "Bakong is not configured: the operator has not set BAKONG_TOKEN, so payment status cannot be checked",
  );

describe("how long polling waits after Bakong failed to answer", () => {
  it("waits a minute while no token is configured, since nothing changes until the operator sets one", () => {
    expect(outageBackoffMs(notConfigured())).toBe(60_000);
  });

  it("follows Bakong's Retry-After when longer than the shortest wait, capped at 10 minutes", () => {
    expect(outageBackoffMs(new BakongUnavailableError("timeout", "timed out"))).toBe(OUTAGE_BACKOFF_MS);
    expect(outageBackoffMs(new BakongUnavailableError("http_error", "429", { httpStatus: 429, retryAfterSeconds: 5 }))).toBe(
      OUTAGE_BACKOFF_MS,
    );
    expect(outageBackoffMs(new BakongUnavailableError("http_error", "429", { httpStatus: 429, retryAfterSeconds: 120 }))).toBe(120_000);
    expect(outageBackoffMs(new BakongUnavailableError("http_error", "429", { httpStatus: 429, retryAfterSeconds: 86_400 }))).toBe(600_000);
  });

  it("trusts only Bakong's own answer: another error carrying a retry hint or a reason gets the shortest wait", () => {
    expect(outageBackoffMs(Object.assign(new Error("store busy"), { retryAfterSeconds: 300 }))).toBe(OUTAGE_BACKOFF_MS);
    expect(outageBackoffMs(Object.assign(new Error("config"), { reason: "not_configured" }))).toBe(OUTAGE_BACKOFF_MS);
    expect(outageBackoffMs(undefined)).toBe(OUTAGE_BACKOFF_MS);
  });
});

describe("why Bakong could not be asked, as API clients read it", () => {
  it("names the failure and Bakong's HTTP status when there was one", () => {
    expect(outageDetail(new BakongUnavailableError("timeout", "timed out after 15000 ms"))).toBe("Bakong did not answer (timeout).");
    expect(outageDetail(new BakongUnavailableError("http_error", "Bakong answered 503", { httpStatus: 503 }))).toBe(
      "Bakong did not answer (http_error 503).",
    );
  });

  it("passes on the operator's missing configuration as it is", () => {
    expect(outageDetail(notConfigured())).toBe(
      "Bakong is not configured: the operator has not set BAKONG_TOKEN, so payment status cannot be checked.",
    );
  });

  it("says no more than 'internal error' about any other error, whatever it carries", () => {
    const internal = Object.assign(new Error("connection string postgres://user:secret@db"), { reason: "timeout", httpStatus: 500 });
    expect(outageDetail(internal)).toBe("Bakong could not be asked (internal error).");
  });
});

describe("transactions a pass claimed but could not afford to ask about", () => {
  it("are due again at once and no longer leased; a transaction settled meanwhile is left alone", async () => {
    const createdAt = new Date(Date.now() - 60_000);
    const now = new Date(Date.now() - 1_000);
    const leasedUntil = new Date(now.getTime() + 30_000);
    const rows = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 3, createdAt });
    const db = await getDb();
    const ids = rows.map((row) => row.id);
    await db.update(transactions).set({ nextCheckAt: leasedUntil, leasedUntil }).where(inArray(transactions.id, ids));
    await db.update(transactions).set({ status: "expired" }).where(eq(transactions.id, ids[2]!));

    await rescheduleNow(rows, now);

    const after = await db
      .select({ id: transactions.id, nextCheckAt: transactions.nextCheckAt, leasedUntil: transactions.leasedUntil })
      .from(transactions)
      .where(inArray(transactions.id, ids));
    const byId = new Map(after.map((row) => [row.id, row]));
    expect(byId.get(ids[0]!)).toMatchObject({ nextCheckAt: now, leasedUntil: null });
    expect(byId.get(ids[1]!)).toMatchObject({ nextCheckAt: now, leasedUntil: null });
    expect(byId.get(ids[2]!)).toMatchObject({ nextCheckAt: leasedUntil, leasedUntil });
  });
});
