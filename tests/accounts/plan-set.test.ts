import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { getUsageToday, setPlan } from "@/lib/accounts";

async function createUser(email: string): Promise<string> {
  const id = randomUUID();
  await (await getDb()).insert(users).values({ id, email, passwordHash: "x" });
  return id;
}

describe("setPlan", () => {
  it("moves an account to another plan, found by its email in any case, and the quotas follow", async () => {
    const email = `plan-${randomUUID()}@example.com`;
    const userId = await createUser(email);
    expect((await getUsageToday(userId)).live.quota).toBe(100);
    expect(await setPlan(`  ${email.toUpperCase()} `, "business")).toEqual({ email, before: "free", after: "business" });
    expect(await getUsageToday(userId)).toMatchObject({ plan: "business", live: { used: 0, quota: 50_000 } });
  });

  it("refuses an unknown plan and changes nothing", async () => {
    const email = `plan-${randomUUID()}@example.com`;
    const userId = await createUser(email);
    await expect(setPlan(email, "platinum")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(setPlan(email, "platinum")).rejects.toThrow('Unknown plan "platinum". Plans: free, starter, business.');
    const [row] = await (await getDb()).select({ plan: users.plan }).from(users).where(eq(users.id, userId));
    expect(row?.plan).toBe("free");
  });

  it("refuses an unknown email, naming it as it searched for it", async () => {
    await expect(setPlan(" Nobody@Example.com", "starter")).rejects.toMatchObject({
      code: "not_found",
      message: "No account with the email nobody@example.com.",
    });
  });

  it("today's usage of an account that does not exist is not_found, not an empty quota", async () => {
    const userId = randomUUID();
    await expect(getUsageToday(userId)).rejects.toMatchObject({ code: "not_found", message: `No account with id ${userId}.` });
  });
});
