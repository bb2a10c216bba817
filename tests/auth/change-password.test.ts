import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { changePassword, userOfSession } from "@/lib/auth";
import { authorizeCredentials } from "@/lib/auth/options";
import { AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createTestMerchant } from "../helpers/merchant";

// Unique per call, so the per-address throttle of one test does not reach another.
const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

async function accountRow(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("change password", () => {
  it("with the current password: sets the new one and ends every earlier session", async () => {
    const merchant = await createTestMerchant();
    const version = await changePassword(merchant.userId, "correct horse battery", "a brand new passphrase", address());
    expect(version).toBe(1);
    expect(await userOfSession(merchant.userId, 0)).toBeNull();
    expect(await authorizeCredentials(merchant.email, "correct horse battery", address())).toBeNull();
    expect(await authorizeCredentials(merchant.email, "a brand new passphrase", address())).toMatchObject({ sessionVersion: 1 });
  });

  it("with a wrong current password: an error on the current-password field, nothing changed", async () => {
    const merchant = await createTestMerchant();
    const before = await accountRow(merchant.userId);
    const error = await changePassword(merchant.userId, "not my password", "a brand new passphrase", address()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", message: "That is not your current password.", field: "currentPassword" });
    expect(await accountRow(merchant.userId)).toEqual(before);
  });

  it("for an account that no longer exists: not_found, and no account is written", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    await db.delete(users).where(eq(users.id, merchant.userId));
    const error = await changePassword(merchant.userId, "correct horse battery", "a brand new passphrase", address()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found", message: "This account no longer exists." });
    expect(await db.select().from(users).where(eq(users.id, merchant.userId))).toEqual([]);
  });

  it("after too many guesses from one address: refused with the wait, even with the right password, nothing changed", async () => {
    // 1 minute into a 15-minute limit window, so the wait is exactly 14 minutes.
    const windowMs = AUTH_ATTEMPT_LIMITS.perEmailAndIp.windowSeconds * 1000;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.ceil(Date.now() / windowMs) * windowMs + 60_000);

    const merchant = await createTestMerchant();
    const before = await accountRow(merchant.userId);
    const attacker = address();
    for (let attempt = 0; attempt < AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit; attempt++) {
      await expect(changePassword(merchant.userId, `guess ${attempt}`, "a brand new passphrase", attacker)).rejects.toMatchObject({
        code: "invalid_input",
      });
    }
    const error = await changePassword(merchant.userId, "correct horse battery", "a brand new passphrase", attacker).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "rate_limit_exceeded", message: "Too many attempts. Please wait 14 minutes and try again." });
    expect(await accountRow(merchant.userId)).toEqual(before);
  });
});
