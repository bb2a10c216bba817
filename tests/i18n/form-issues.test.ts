import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueMessage } from "@/lib/i18n";
import { merchantProfileInput } from "@/lib/merchants";
import { storableString } from "@/lib/std";

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a failure");
  return issueMessage(parsed.error.issues[0]!);
};

describe("issueMessage", () => {
  it("names what went wrong by its kind, with the limit", () => {
    expect(firstIssue(z.string().min(1), "")).toEqual({ key: "required", values: {} });
    expect(firstIssue(z.string().min(10), "short")).toEqual({ key: "tooShort", values: { minimum: 10 } });
    expect(firstIssue(z.string().max(25), "x".repeat(26))).toEqual({ key: "tooLong", values: { maximum: 25 } });
    expect(firstIssue(z.email(), "nope")).toEqual({ key: "email", values: {} });
    expect(firstIssue(z.string().regex(/^a$/), "b")).toEqual({ key: "format", values: {} });
    expect(firstIssue(z.enum(["USD", "KHR"]), "EUR")).toEqual({ key: "choose", values: {} });
    expect(firstIssue(storableString("Name"), "a\u0000b")).toEqual({ key: "custom.storable", values: {} });
  });

  it("uses the key a refinement names", () => {
    expect(firstIssue(merchantProfileInput, { bakongAccountId: "a@b", merchantName: "Shop", currency: "USD", merchantId: "M" })).toEqual({
      key: "custom.merchantIdWithBank",
      values: {},
    });
  });
});
