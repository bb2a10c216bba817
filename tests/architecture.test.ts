import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIB_DEPENDENCIES } from "../eslint.config.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const folders = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((name) => statSync(path.join(ROOT, dir, name)).isDirectory());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The lib folders a folder's files import, through the "@/lib/" alias or a relative path out of the folder. */
function importedFolders(folder: string): string[] {
  const imported = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, "lib", folder))) {
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)) {
      const target = specifier!.startsWith("@/lib/")
        ? specifier!.slice("@/lib/".length).split("/")[0]
        : specifier!.startsWith(".")
          ? path.relative(path.join(ROOT, "lib"), path.resolve(path.dirname(file), specifier!)).split(path.sep)[0]
          : undefined;
      if (target && target !== folder && !target.startsWith("..")) imported.add(target);
    }
  }
  return [...imported].sort();
}

/** ARCHITECTURE.md's layer table: folder → the folders in its "may import" column. */
function documentedTable(): Record<string, string[]> {
  const rows = readFileSync(path.join(ROOT, "ARCHITECTURE.md"), "utf8").matchAll(/^\| `lib\/([a-z0-9]+)` \|.*\| ([^|]+) \|$/gm);
  return Object.fromEntries(
    [...rows].map(([, folder, mayImport]) => [
      folder!,
      mayImport!.trim() === "—"
        ? []
        : mayImport!
            .split(",")
            .map((name) => name.trim())
            .sort(),
    ]),
  );
}

describe("the layer table", () => {
  const enforced = Object.fromEntries(Object.entries(LIB_DEPENDENCIES).map(([folder, deps]) => [folder, [...deps].sort()]));

  it("is the same in ARCHITECTURE.md and in the ESLint zones", () => {
    expect(documentedTable()).toEqual(enforced);
  });

  it("names every folder in lib/, and each folder's actual imports exactly", () => {
    expect(Object.keys(enforced).sort()).toEqual(folders("lib").sort());
    const actual = Object.fromEntries(Object.keys(enforced).map((folder) => [folder, importedFolders(folder)]));
    expect(actual).toEqual(enforced);
  });
});

describe("the tests tree", () => {
  it("mirrors lib/: a folder per lib folder with behaviour, besides the browser, shared-helper and tooling-script folders", () => {
    const lib = folders("lib");
    const tests = folders("tests");
    expect(tests.filter((name) => !lib.includes(name)).sort()).toEqual(["e2e", "fakes", "helpers", "scripts", "setup"]);
    // Declarations only: their values are exercised by the tests of the folders that use them.
    expect(lib.filter((name) => !tests.includes(name)).sort()).toEqual(["config"]);
  });
});
