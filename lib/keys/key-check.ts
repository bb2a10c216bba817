import { and, eq, isNull, sql } from "drizzle-orm";
import { accountVersion } from "@/lib/accounts";
import { getDb, preparedStatement, type Db } from "@/lib/db";
import { apiKeys, merchantProfiles, users } from "@/lib/db/schema";
import type { ApiKeyAuth } from "./key-auth";

/**
 * One row when the key is still active and its account is still at the version the request was built
 * from; none otherwise. A write that selects from it inside its own statement re-checks the key in that
 * write, so acting on a cached key is exactly as safe as on one just looked up: revocation and profile or
 * plan changes apply on the next request. Its placeholders are filled by `keyRecheckValues`.
 */
export function keyRecheck(db: Db) {
  return db
    .select({ keyOk: sql<number>`1`.as("key_ok") })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(merchantProfiles, eq(merchantProfiles.userId, apiKeys.userId))
    .where(
      and(
        eq(apiKeys.id, sql.placeholder("checkKeyId")),
        isNull(apiKeys.revokedAt),
        eq(accountVersion, sql.placeholder("checkAccountVersion")),
      ),
    );
}

export function keyRecheckValues({ keyId, version }: { keyId: string; version: string }) {
  return { checkKeyId: keyId, checkAccountVersion: version };
}

const keyRecheckStatement = preparedStatement((db: Db) => keyRecheck(db).prepare("key_recheck"));

/** Whether the key is still active and its account still what `auth` read: one indexed query. */
export async function isKeyUnchanged(auth: ApiKeyAuth): Promise<boolean> {
  if (!auth.account) return false;
  const rows = await keyRecheckStatement(await getDb()).execute(keyRecheckValues({ keyId: auth.keyId, version: auth.account.version }));
  return rows.length > 0;
}

/** The key was revoked, or its plan or profile changed, after the request read them: nothing was written. */
export class AccountChangedError extends Error {
  constructor() {
    super("the API key or its account changed while the request was running");
    this.name = "AccountChangedError";
  }
}
