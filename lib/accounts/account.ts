import { eq, sql } from "drizzle-orm";
import type { Mode } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { merchantProfiles, users, type MerchantProfile } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * What an API request knows of its account: read with the key, so creating a QR costs no second query.
 * `version` lets a write check, in its own statement, that the account is still what was read.
 */
export type ApiAccount = { plan: string; profile: MerchantProfile | null; version: string };

/** The account an API request acts for: its owner and the mode of its key. */
export type AccountScope = { userId: string; mode: Mode };

/**
 * A digest of everything a request may act on besides the key itself: the plan (quotas) and the whole
 * merchant profile (what a QR encodes). Read with the key; compared again in the statement that writes.
 */
export const accountVersion = sql<string>`md5(row(${users.plan}, ${merchantProfiles}.*)::text)`;

/** What an API request knows of its account, as select fields over `users` left-joined to `merchant_profiles`. */
export const accountFields = { plan: users.plan, profile: merchantProfiles, version: accountVersion };

/** The account of a user, for callers that hold a key's ids but not what the key lookup read. */
export async function readAccount(userId: string): Promise<ApiAccount> {
  const db = await getDb();
  const [account] = await db
    .select(accountFields)
    .from(users)
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!account) throw new AppError("unauthorized", "This API key's account no longer exists.");
  return account;
}
