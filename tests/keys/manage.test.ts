import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiKeys } from "@/lib/db/schema";
import { authenticateApiKey, listApiKeys, revokeApiKey, rollApiKey } from "@/lib/keys";
import { createTestMerchant } from "../helpers/merchant";

describe("managing API keys", () => {
  it("lists the account's own keys newest first, with their hint but never their hash", async () => {
    const merchant = await createTestMerchant();
    await createTestMerchant();
    const db = await getDb();
    await db
      .update(apiKeys)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(apiKeys.id, merchant.liveKey.id));
    const keys = await listApiKeys(merchant.userId);
    expect(keys.map((key) => key.id)).toEqual([merchant.testKey.id, merchant.liveKey.id]);
    expect(keys[0]).toEqual({
      id: merchant.testKey.id,
      name: expect.any(String),
      mode: "test",
      hint: merchant.testKey.hint,
      createdAt: expect.any(Date),
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  it("revokes a key once: true, then false, and the key no longer authenticates", async () => {
    const merchant = await createTestMerchant();
    expect(await revokeApiKey(merchant.userId, merchant.liveKey.id)).toBe(true);
    expect(await revokeApiKey(merchant.userId, merchant.liveKey.id)).toBe(false);
    await expect(authenticateApiKey(`Bearer ${merchant.liveKey.key}`)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listApiKeys(merchant.userId)).find((key) => key.id === merchant.liveKey.id)?.revokedAt).toBeInstanceOf(Date);
  });

  it("rolls a key into a new one of the same name and mode; the old one stops working, a second roll of it is null", async () => {
    const merchant = await createTestMerchant();
    const rolled = await rollApiKey(merchant.userId, merchant.testKey.id);
    expect(rolled).toMatchObject({
      mode: "test",
      name: (await listApiKeys(merchant.userId)).find((key) => key.id === merchant.testKey.id)!.name,
    });
    expect(rolled!.key).not.toBe(merchant.testKey.key);
    expect(await authenticateApiKey(`Bearer ${rolled!.key}`)).toMatchObject({ userId: merchant.userId, mode: "test", keyId: rolled!.id });
    await expect(authenticateApiKey(`Bearer ${merchant.testKey.key}`)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rollApiKey(merchant.userId, merchant.testKey.id)).toBeNull();
  });
});
