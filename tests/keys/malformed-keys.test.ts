import { describe, expect, it, vi } from "vitest";

// The database module is replaced by one that fails loudly: a malformed key must be refused before any query.
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  getDb: () => {
    throw new Error("the database was touched");
  },
}));

const { authenticateApiKey } = await import("@/lib/keys");

describe("malformed keys never reach the database", () => {
  it.each([
    "",
    "Bearer",
    "Bearer khqr_live_short",
    `Bearer khqr_prod_${"a".repeat(32)}`,
    `Bearer khqr_live_${"!".repeat(32)}`,
    `Token khqr_live_${"a".repeat(32)}`,
  ])("%j is unauthorized without a query", async (header) => {
    await expect(authenticateApiKey(header)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("a well-formed key does go to the database", async () => {
    await expect(authenticateApiKey(`Bearer khqr_test_${"a".repeat(32)}`)).rejects.toThrow("the database was touched");
  });
});
