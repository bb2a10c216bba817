import { randomUUID } from "node:crypto";
import type { Locale } from "@/lib/config/enums";
import type { DbOrTx } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "./email";

// Stryker disable next-line ObjectLiteral: equivalent, the only other unique key of users is the random id made here
const SAME_EMAIL = { target: users.email };

/**
 * Writes a new account's user row, inside the caller's transaction. The unique email index decides
 * between concurrent sign-ups with one address: the second is refused, never merged.
 */
export async function createUser(
  tx: DbOrTx,
  { email, passwordHash, locale }: { email: string; passwordHash: string; locale?: Locale },
): Promise<string> {
  const id = randomUUID();
  const inserted = await tx
    .insert(users)
    .values({ id, email: normalizeEmail(email), passwordHash, locale })
    .onConflictDoNothing(SAME_EMAIL)
    .returning({ id: users.id });
  if (inserted.length === 0)
    throw new AppError("conflict", "An account with this email already exists. Log in instead.", { field: "email" });
  return id;
}
