import { createUser } from "@/lib/accounts";
import type { Locale } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { issueApiKey, type IssuedKey } from "@/lib/keys";
import { hashPassword } from "./password";

/**
 * Creates the account with its first live and test keys in one transaction; the keys are returned in full once.
 * The account keeps the language its owner signed up in (the dashboard's and its emails' language).
 */
export async function signUp(
  email: string,
  password: string,
  locale?: Locale,
): Promise<{ userId: string; liveKey: IssuedKey; testKey: IssuedKey }> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const userId = await createUser(tx, { email, passwordHash, locale });
    const liveKey = await issueApiKey(userId, "live", "Default live key", tx);
    const testKey = await issueApiKey(userId, "test", "Default test key", tx);
    return { userId, liveKey, testKey };
  });
}
