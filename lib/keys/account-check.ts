import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users } from "@/lib/db/schema";
import type { ApiKeyAuth } from "./authenticate";

/**
 * A digest of everything a request may act on besides the key itself: the plan (quotas) and the whole
 * merchant profile (what a QR encodes). Read with the key; compared again in the statement that writes.
 */
export const accountVersion = sql<string>`md5(row(${users.plan}, ${merchantProfiles}.*)::text)`;

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

export function accountCheckValues(auth: ApiKeyAuth & { account: { version: string } }) {
  return { checkKeyId: auth.keyId, checkAccountVersion: auth.account.version };
}

/** The key was revoked, or its plan or profile changed, after the request read them: nothing was written. */
export class AccountChangedError extends Error {
  constructor() {
    super("the API key or its account changed while the request was running");
    this.name = "AccountChangedError";
  }
}
