import { eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { changePassword, endAllSessions, userOfSession } from "@/lib/auth";
import { authOptions, authorizeCredentials } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createTestMerchant } from "../helpers/merchant";

const address = () => `192.0.2.${Math.floor(Math.random() * 250)}`;

async function accountRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

describe("sessions end on the server", () => {
  it("a session carries the version it was issued at; ending all sessions refuses every older one", async () => {
    const merchant = await createTestMerchant();
    const signedIn = await authorizeCredentials(merchant.email, "correct horse battery", address());
    expect(signedIn).toMatchObject({ id: merchant.userId, sessionVersion: 0 });
    expect(await userOfSession(merchant.userId, 0)).toMatchObject({ id: merchant.userId, email: merchant.email });

    expect(await endAllSessions(merchant.userId)).toBe(1);
    expect(await userOfSession(merchant.userId, 0)).toBeNull();
    expect(await userOfSession(merchant.userId, 1)).toMatchObject({ id: merchant.userId });
    expect((await authorizeCredentials(merchant.email, "correct horse battery", address()))?.sessionVersion).toBe(1);
  });

  it("next-auth writes the version into the session token and hands it to the session", async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const token = await jwt({ token: {}, user: { id: "u1", email: "a@example.com", sessionVersion: 4 }, account: null, trigger: "signIn" });
    expect(token.sv).toBe(4);
    const session = await authOptions.callbacks!.session!({
      session: { expires: "" } as Session,
      token,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(session.user).toEqual({ id: "u1", email: "a@example.com", sessionVersion: 4 });
  });

  it("a session token from before versions (no sv) counts as signed out", async () => {
    const merchant = await createTestMerchant();
    const session = await authOptions.callbacks!.session!({
      session: { expires: "" } as Session,
      token: { sub: merchant.userId, email: merchant.email },
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });
    const user = session.user as { id: string; sessionVersion: number };
    expect(user.sessionVersion).toBe(-1);
    expect(await userOfSession(user.id, user.sessionVersion)).toBeNull();
  });
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

  it("with a wrong current password: a field error, nothing changed", async () => {
    const merchant = await createTestMerchant();
    const before = await accountRow(merchant.userId);
    const error = await changePassword(merchant.userId, "not my password", "a brand new passphrase", address()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", field: "currentPassword" });
    const after = await accountRow(merchant.userId);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });
});
