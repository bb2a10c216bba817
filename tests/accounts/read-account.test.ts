import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readAccount } from "@/lib/accounts";
import { authenticateApiKey } from "@/lib/keys";
import { saveMerchantProfile } from "@/lib/merchants";
import { createTestMerchant, DEFAULT_PROFILE } from "../helpers/merchant";

describe("readAccount (createQr's account when the key lookup did not read it)", () => {
  it("reads what the key lookup reads, the same version included, and a new version once the profile changes", async () => {
    const merchant = await createTestMerchant();
    const viaKey = (await authenticateApiKey(`Bearer ${merchant.testKey.key}`)).account;
    const read = await readAccount(merchant.userId);
    expect(read).toEqual(viaKey);

    await saveMerchantProfile(merchant.userId, { ...DEFAULT_PROFILE, merchantName: "Tea Shop" });
    const changed = await readAccount(merchant.userId);
    expect(changed.profile?.merchantName).toBe("Tea Shop");
    expect(changed.version).not.toBe(read.version);
  });

  it("an account that no longer exists is 401 unauthorized, saying so", async () => {
    await expect(readAccount(randomUUID())).rejects.toMatchObject({
      code: "unauthorized",
      message: "This API key's account no longer exists.",
    });
  });
});
