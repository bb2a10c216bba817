import { eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { endAllSessions, userOfSession } from "@/lib/auth";
import { authOptions, authorizeCredentials } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
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

  it("ending the sessions of an account that does not exist changes nothing and answers version 0", async () => {
    const merchant = await createTestMerchant();
    expect(await endAllSessions("00000000-0000-4000-8000-000000000000")).toBe(0);
    expect((await accountRow(merchant.userId)).sessionVersion).toBe(0);
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
