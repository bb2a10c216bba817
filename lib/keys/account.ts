import { and, eq, isNull, sql } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { getDb, type Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users } from "@/lib/db/schema";
import type { ApiAccount } from "./authenticate";

/**
 * A digest of everything a request may act on besides the key itself: the plan (quotas) and the whole
 * merchant profile (what a QR encodes). Read with the key; compared again in the statement that writes.
 */
const accountVersion = sql<string>`md5(row(${users.plan}, ${merchantProfiles}.*)::text)`;

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
  if (!account) throw new ApiError("unauthorized", "This API key's account no longer exists.");
  return account;
}

/**
 * One row when the key is still active and its account is still at the version the request was built
 * from; none otherwise. A write that selects from it inside its own statement acts on a remembered key
 * exactly as if the key had just been looked up: revocation and profile changes apply on the next request.
 * Its placeholders are filled by `accountCheckValues`.
 */
export function accountCheck(db: Db) {
  return db
    .select({ keyOk: sql<number>`1`.as("key_ok") })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, apiKeys.userId))
    .where(and(
      eq(apiKeys.id, sql.placeholder("checkKeyId")),
      isNull(apiKeys.revokedAt),
      eq(accountVersion, sql.placeholder("checkAccountVersion")),
    ));
}

export function accountCheckValues({ keyId, version }: { keyId: string; version: string }) {
  return { checkKeyId: keyId, checkAccountVersion: version };
}

/** The key was revoked, or its plan or profile changed, after the request read them: nothing was written. */
export class AccountChangedError extends Error {
  constructor() {
    super("the API key or its account changed while the request was running");
    this.name = "AccountChangedError";
  }
}
