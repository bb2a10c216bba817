import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { EXPIRED_LINK_RETENTION_MS, pruneExpiredAuthLinks, requestSignUp } from "@/lib/auth";
import { issueAccountToken } from "@/lib/auth/account-tokens";
import { getDb } from "@/lib/db";
import { accountTokens, signUpRequests, telegramConnectCodes } from "@/lib/db/schema";
import { createConnectLink, pruneExpiredConnectCodes } from "@/lib/notifications";
import { startFakeTelegram } from "../fakes/fake-telegram-server";
import { smtpInboxForThisFile } from "../helpers/mail";
import { createTestMerchant } from "../helpers/merchant";

smtpInboxForThisFile();
const HOUR = 60 * 60 * 1000;

describe("expired links are deleted a day after they expire", () => {
  it("sign-up requests and account links: past expiry + a day gone, the rest kept", async () => {
    const merchant = await createTestMerchant();
    const issued = new Date(Date.now() - 10 * 24 * HOUR);
    const oldEmail = `old-${crypto.randomUUID()}@example.com`;
    const recentEmail = `recent-${crypto.randomUUID()}@example.com`;
    await requestSignUp(oldEmail, "a long sign-up passphrase", "en", issued);
    await requestSignUp(recentEmail, "a long sign-up passphrase", "en", new Date(Date.now() - 2 * HOUR));
    const db = await getDb();
    await issueAccountToken(db, merchant.userId, "password_reset", null, issued);
    await issueAccountToken(db, merchant.userId, "password_reset", null, new Date());

    // Expired an hour ago (recent) or nine days ago (old): only the old one is past the day kept.
    const pruned = await pruneExpiredAuthLinks();
    expect(pruned.signUpRequests).toBeGreaterThanOrEqual(1);
    expect(pruned.accountTokens).toBeGreaterThanOrEqual(1);
    const signUps = await db
      .select({ email: signUpRequests.email })
      .from(signUpRequests)
      .where(inArray(signUpRequests.email, [oldEmail, recentEmail]));
    expect(signUps).toEqual([{ email: recentEmail }]);
    const tokens = await db.select().from(accountTokens).where(eq(accountTokens.userId, merchant.userId));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());

    // The recent ones go once they too are a day past expiry.
    await pruneExpiredAuthLinks(new Date(Date.now() + 2 * HOUR + EXPIRED_LINK_RETENTION_MS));
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.email, recentEmail))).toEqual([]);
    expect(await db.select().from(accountTokens).where(eq(accountTokens.userId, merchant.userId))).toEqual([]);
  });

  it("Telegram connection codes, used or not", async () => {
    const telegram = await startFakeTelegram();
    process.env.TELEGRAM_BOT_TOKEN = telegram.token;
    process.env.TELEGRAM_API_URL = telegram.url;
    try {
      const merchant = await createTestMerchant();
      const issued = new Date(Date.now() - 3 * 24 * HOUR);
      await createConnectLink(merchant.userId, "both", "en", issued);
      await createConnectLink(merchant.userId, "both", "en");
      expect(await pruneExpiredConnectCodes()).toBeGreaterThanOrEqual(1);
      const db = await getDb();
      const left = await db.select().from(telegramConnectCodes).where(eq(telegramConnectCodes.userId, merchant.userId));
      expect(left).toHaveLength(1);
      expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      delete process.env.TELEGRAM_BOT_TOKEN;
      delete process.env.TELEGRAM_API_URL;
      await telegram.close();
    }
  });
});
