import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "@/lib/i18n";

describe("negotiateLocale", () => {
  it.each([
    ["km-KH,km;q=0.9,en-US;q=0.8", "km"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,en;q=0.5,km;q=0.7", "km"],
    ["fr, en;q=0.1", "en"],
    ["KM", "km"],
    ["en;q=0, km;q=0.2", "km"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("finds nothing in a header without our languages, an empty one or none", () => {
    expect(negotiateLocale("fr-FR,de;q=0.8")).toBeUndefined();
    expect(negotiateLocale("")).toBeUndefined();
    expect(negotiateLocale(null)).toBeUndefined();
    expect(negotiateLocale("en;q=0")).toBeUndefined();
  });
});

describe("resolveLocale", () => {
  it("prefers the saved preference, then the cookie, then the browser", () => {
    expect(resolveLocale({ saved: "en", cookie: "km", acceptLanguage: "km" })).toBe("en");
    expect(resolveLocale({ saved: null, cookie: "en", acceptLanguage: "km" })).toBe("en");
    expect(resolveLocale({ cookie: "xx", acceptLanguage: "en-GB" })).toBe("en");
  });

  it("falls back to Khmer", () => {
    expect(resolveLocale({ acceptLanguage: "fr" })).toBe("km");
    expect(resolveLocale({})).toBe("km");
  });
});
