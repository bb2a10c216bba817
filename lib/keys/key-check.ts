import { and, eq, isNull, sql } from "drizzle-orm";
import { accountVersion } from "@/lib/accounts";
import { getDb, preparedStatement, type Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users } from "@/lib/db/schema";
import type { ApiKeyAuth } from "./key-auth";

/**
 * One row when the account is still at the version the request was built from and, for a request made
 * with a key, that key is still active; none otherwise. A write that selects from it inside its own
 * statement re-checks the key in that write, so acting on a cached key is exactly as safe as on one just
 * looked up: revocation and profile or plan changes apply on the next request. A QR made through a payment
 * link has no key (null): only the account is re-checked. Its placeholders are filled by `keyRecheckValues`.
 */
export function keyRecheck(db: Db) {
  const keyId = sql`${sql.placeholder("checkKeyId")}::uuid`;
  return db
    .select({ keyOk: sql<number>`1`.as("key_ok") })
    .from(users)
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, users.id))
    .where(
      and(
        eq(users.id, sql.placeholder("checkUserId")),
        eq(accountVersion, sql.placeholder("checkAccountVersion")),
        sql`(${keyId} is null or exists (select 1 from ${apiKeys} where ${apiKeys.id} = ${keyId} and ${apiKeys.userId} = ${users.id} and ${isNull(apiKeys.revokedAt)}))`,
      ),
    );
}

export function keyRecheckValues({ userId, keyId, version }: { userId: string; keyId: string | null; version: string }) {
  return { checkUserId: userId, checkKeyId: keyId, checkAccountVersion: version };
}

// Stryker disable next-line StringLiteral: equivalent, the name only lets PostgreSQL reuse the parsed statement (an empty one is an unnamed statement, parsed each time)
const KEY_RECHECK_STATEMENT = "key_recheck";
const keyRecheckStatement = preparedStatement((db: Db) => keyRecheck(db).prepare(KEY_RECHECK_STATEMENT));

/** Whether the key is still active and its account still what `auth` read: one indexed query. */
export async function isKeyUnchanged(auth: ApiKeyAuth): Promise<boolean> {
  if (!auth.account) return false;
  const rows = await keyRecheckStatement(await getDb()).execute(
    keyRecheckValues({ userId: auth.userId, keyId: auth.keyId, version: auth.account.version }),
  );
  return rows.length > 0;
}

/** The key was revoked, or its plan or profile changed, after the request read them: nothing was written. */
export class AccountChangedError extends Error {
  constructor() {
    // Stryker disable next-line StringLiteral: never shown, withApi catches it by class and answers with its own message
    super("the API key or its account changed while the request was running");
    // Stryker disable next-line StringLiteral: as above
    this.name = "AccountChangedError";
  }
}
