import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authenticateApiKey, cachedApiKey, revokeApiKey } from "@/lib/keys";
import { createTestMerchant, DEFAULT_PROFILE, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

async function refusal(header: string | null): Promise<{ code: string; message: string }> {
  const error = await authenticateApiKey(header).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, message: (error as AppError).message };
}

describe("authenticateApiKey: what a developer reads when a key is refused", () => {
  it.each([
    null,
    "",
    "Basic dXNlcjpwYXNz",
    "Bearer",
    "Bearer ",
    `khqr_live_${"a".repeat(32)}`,
    `Bearer khqr_live_${"a".repeat(32)} extra`,
    `XBearer khqr_live_${"a".repeat(32)}`,
  ])("no Bearer key in %j: how to send one", async (header) => {
    expect(await refusal(header)).toEqual({
      code: "unauthorized",
      message: "Send your API key as 'Authorization: Bearer khqr_live_…' (or khqr_test_… for the sandbox).",
    });
  });

  it("a Bearer value that is not a key: what keys look like", async () => {
    expect(await refusal("Bearer sk_live_abc")).toEqual({
      code: "unauthorized",
      message: "That is not a KHQR Pay API key: keys look like khqr_live_ or khqr_test_ followed by 32 letters and digits.",
    });
  });

  it("a well-formed key nobody issued: where to find yours", async () => {
    expect(await refusal(`Bearer khqr_live_${"b".repeat(32)}`)).toEqual({
      code: "unauthorized",
      message: "Unknown API key. Check it in the dashboard under API keys.",
    });
  });

  it("a revoked key: 403 and what to do", async () => {
    const victim = await createTestMerchant();
    await revokeApiKey(victim.userId, victim.testKey.id);
    expect(await refusal(`Bearer ${victim.testKey.key}`)).toEqual({
      code: "forbidden",
      message: "This API key was revoked. Create a new one in the dashboard.",
    });
  });
});

describe("authenticateApiKey: a valid key", () => {
  it.each([
    ["Bearer", (key: string) => `Bearer ${key}`],
    ["lowercase bearer", (key: string) => `bearer ${key}`],
    ["extra spaces", (key: string) => `Bearer   ${key}  `],
  ])("%s: the key's account, mode, plan and profile", async (_name, header) => {
    const auth = await authenticateApiKey(header(merchant.liveKey.key));
    expect(auth).toMatchObject({ userId: merchant.userId, keyId: merchant.liveKey.id, mode: "live" });
    expect(auth.account).toMatchObject({
      plan: "free",
      profile: { bakongAccountId: DEFAULT_PROFILE.bakongAccountId, merchantName: DEFAULT_PROFILE.merchantName },
    });
    expect(auth.account?.version).toMatch(/^[0-9a-f]{32}$/);
  });

  it("is remembered for the next request by its header; a key never looked up, or no key, is not", async () => {
    const fresh = await createTestMerchant();
    expect(cachedApiKey(`Bearer ${fresh.testKey.key}`)).toBeNull();
    const auth = await authenticateApiKey(`Bearer ${fresh.testKey.key}`);
    expect(cachedApiKey(`Bearer ${fresh.testKey.key}`)).toEqual(auth);
    expect(cachedApiKey(`Bearer ${fresh.liveKey.key}`)).toBeNull();
    expect(cachedApiKey(null)).toBeNull();
    expect(cachedApiKey("Bearer not-a-key")).toBeNull();
    // A header the API would refuse is never answered from the cache, whatever key it holds.
    expect(cachedApiKey(`Token Bearer ${fresh.testKey.key}`)).toBeNull();
    expect(cachedApiKey(`Bearer ${fresh.testKey.key} ${fresh.testKey.key}`)).toBeNull();
  });
});
