import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { accountTokens } from "@/lib/db/schema";
import type { AccountTokenPurpose } from "@/lib/config/enums";

/** How long a link sent by email works. */
export const ACCOUNT_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Only this hash of a link's token is stored, so a database leak opens no account. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The secret part of a link sent by email. */
export const newLinkToken = () => randomBytes(32).toString("base64url");

/** A new single-use token for the link; only its hash is stored, so a database leak opens no account. */
export async function issueAccountToken(
  tx: DbOrTx,
  userId: string,
  purpose: AccountTokenPurpose,
  newEmail: string | null = null,
  now: Date = new Date(),
): Promise<string> {
  const token = newLinkToken();
  await tx.insert(accountTokens).values({
    id: randomUUID(),
    userId,
    purpose,
    tokenHash: hashToken(token),
    newEmail,
    expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS),
  });
  return token;
}

/**
 * Uses a token: marks it used in the same statement that finds it (unused and unexpired), so two
 * concurrent uses cannot both succeed. Null when there is no such token.
 */
export async function consumeAccountToken(tx: DbOrTx, token: string, purpose: AccountTokenPurpose, now: Date = new Date()) {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, newEmail: accountTokens.newEmail });
  return row ?? null;
}

/** Every other outstanding link of this kind stops working (after a reset, the older reset emails are void). */
export async function voidAccountTokens(tx: DbOrTx, userId: string, purpose: AccountTokenPurpose, now: Date = new Date()): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
