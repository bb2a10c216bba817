import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { issueApiKey, type IssuedKey } from "@/lib/keys";
import { hashPassword } from "./password";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists");
    this.name = "EmailTakenError";
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the account with its first live and test keys in one transaction; the keys are returned in full once. */
export async function createAccount(email: string, password: string): Promise<{ userId: string; liveKey: IssuedKey; testKey: IssuedKey }> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const userId = randomUUID();
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({ id: userId, email: normalizeEmail(email), passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted.length === 0) throw new EmailTakenError();
    const liveKey = await issueApiKey(userId, "live", "Default live key", tx);
    const testKey = await issueApiKey(userId, "test", "Default test key", tx);
    return { userId, liveKey, testKey };
  });
}
