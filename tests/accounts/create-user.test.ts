import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";

describe("creating the user row", () => {
  it("refuses a second account for one address (any case), on the email field, and writes nothing", async () => {
    const email = `taken-${crypto.randomUUID()}@example.com`;
    await signUp(email, "a long first passphrase");
    await expect(signUp(email.toUpperCase(), "a long second passphrase")).rejects.toMatchObject({
      code: "conflict",
      field: "email",
      message: "An account with this email already exists. Log in instead.",
    });
    const [row] = await (await getDb()).select({ n: count() }).from(users).where(eq(users.email, email));
    expect(row!.n).toBe(1);
  });
});
