import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, keyHint, parseApiKeyMode } from "@/lib/keys/format";

describe("API key format", () => {
  it.each(["live", "test"] as const)(
    "a new %s key is khqr_<mode>_ and 32 letters and digits, stored as its SHA-256, shown as prefix…last four",
    (mode) => {
      const { key, hash, hint } = generateApiKey(mode);
      expect(key).toMatch(new RegExp(`^khqr_${mode}_[0-9A-Za-z]{32}$`));
      expect(hash).toBe(hashApiKey(key));
      expect(hint).toBe(`khqr_${mode}_…${key.slice(-4)}`);
      expect(parseApiKeyMode(key)).toBe(mode);
    },
  );

  it("keys already issued keep their hash: SHA-256 hex of the whole key", () => {
    expect(hashApiKey(`khqr_test_${"a".repeat(32)}`)).toBe("e4901767aa208bf0f36a8402db9037cbf5522cdb967def3d61c80ffbc696f8a3");
  });

  it("new keys differ and draw on digits, capitals and small letters", () => {
    const secrets = Array.from({ length: 200 }, () => generateApiKey("live").key.slice("khqr_live_".length));
    expect(new Set(secrets).size).toBe(200);
    const all = secrets.join("");
    expect(all).toMatch(/[0-9]/);
    expect(all).toMatch(/[A-Z]/);
    expect(all).toMatch(/[a-z]/);
  });

  it("the hint of a key is its prefix and last four characters", () => {
    expect(keyHint(`khqr_live_${"x".repeat(28)}9Zz1`)).toBe("khqr_live_…9Zz1");
  });

  it.each([
    [`khqr_live_${"a".repeat(24)}`, "live"],
    [`khqr_test_${"A1".repeat(32)}`, "test"],
    [`khqr_live_${"a".repeat(23)}`, null],
    [`khqr_live_${"a".repeat(65)}`, null],
    [`khqr_prod_${"a".repeat(32)}`, null],
    [`xkhqr_live_${"a".repeat(32)}`, null],
    [`khqr_live_${"a".repeat(32)}!`, null],
    [`khqr_live_${"a".repeat(31)}-`, null],
    [`KHQR_LIVE_${"a".repeat(32)}`, null],
  ])("%s is %s", (key, mode) => {
    expect(parseApiKeyMode(key)).toBe(mode);
  });
});
