import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/config/enums";

type Catalogue = { [key: string]: string | Catalogue };

const load = (locale: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages", `${locale}.json`), "utf8")) as Catalogue;

/** Every leaf as "namespace.key" → message. */
function leaves(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(name, value);
    else for (const [leaf, message] of leaves(value, name)) found.set(leaf, message);
  }
  return found;
}

/** The {placeholders} of an ICU message, plural and select arguments included. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:[,}])/g)].map((match) => match[1]!))].sort();
}

const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, leaves(load(locale))]));

describe("the message catalogues", () => {
  it("have exactly the same keys in every language", () => {
    const [first, ...others] = LOCALES;
    for (const other of others) {
      const missingThere = [...catalogues[first]!.keys()].filter((key) => !catalogues[other]!.has(key));
      const missingHere = [...catalogues[other]!.keys()].filter((key) => !catalogues[first]!.has(key));
      expect({ [`missing in ${other}`]: missingThere, [`missing in ${first}`]: missingHere }).toEqual({
        [`missing in ${other}`]: [],
        [`missing in ${first}`]: [],
      });
    }
  });

  it("have no empty message", () => {
    for (const locale of LOCALES) {
      expect([...catalogues[locale]!].filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
    }
  });

  it("use the same placeholders in every language", () => {
    const mismatched = [...catalogues.en!].filter(
      ([key, message]) => placeholders(message).join() !== placeholders(catalogues.km!.get(key) ?? "").join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("write the Khmer catalogue in Khmer: most messages carry Khmer letters", () => {
    const khmer = [...catalogues.km!.values()].filter((message) => /[\u1780-\u17ff]/.test(message));
    expect(khmer.length / catalogues.km!.size).toBeGreaterThan(0.9);
  });
});
