import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/dashboard/account-forms";

const BASE = "http://localhost:3000";

/** Where a browser ends up when the login page hands the path to router.replace (the URL parser browsers use). */
const landsOn = (path: string) => new URL(path, BASE).origin;

describe("safeCallbackPath", () => {
  it.each([
    "/\t/evil.example/phish",
    "/\t\\evil.example/phish",
    "/\n/evil.example",
    "/\r\\evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/./\\evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "https://evil.example/phish",
    "javascript:alert(1)",
    " //evil.example",
    "/\u0000/evil.example",
    "",
  ])("never leaves the site for %j", (callbackUrl) => {
    const path = safeCallbackPath(callbackUrl);
    expect(landsOn(path)).toBe(BASE);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
  });

  it("decodes the log-in URL's parameter as the page does, and still refuses the tab trick", () => {
    const callbackUrl = new URL(`${BASE}/login?callbackUrl=%2F%09%2Fevil.example%2Fphish`).searchParams.get("callbackUrl");
    expect(landsOn(safeCallbackPath(callbackUrl))).toBe(BASE);
    const backslash = new URL(`${BASE}/login?callbackUrl=%2F%09%5Cevil.example%2Fphish`).searchParams.get("callbackUrl");
    expect(landsOn(safeCallbackPath(backslash))).toBe(BASE);
  });

  it("keeps a same-site path with its query and fragment", () => {
    expect(safeCallbackPath("/dashboard/transactions?status=paid&q=INV#top")).toBe("/dashboard/transactions?status=paid&q=INV#top");
    expect(safeCallbackPath("/onboarding")).toBe("/onboarding");
  });

  it("falls back to the dashboard when there is no usable path", () => {
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
    expect(safeCallbackPath("//evil.example")).toBe("/dashboard");
  });
});
