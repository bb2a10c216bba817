// postinstall: fixes a StrykerJS 9.6 bug that reports mutants of module-load code ("static") as survivors
// although the tests kill them: with a test filter the planner activates them at run time, after their
// module has loaded (stryker-js#6144; the fix is its open PR #6145, applied here to the same line). A
// production install (--omit=dev) has no Stryker and nothing to patch.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const FILE = "node_modules/@stryker-mutator/core/dist/src/mutants/mutant-test-planner.js";
const BUGGY = "mutantActivation: testFilter ? 'runtime' : 'static',";
const FIXED = "mutantActivation: canHotSwap ? 'runtime' : 'static',";

if (existsSync(FILE)) {
  const source = readFileSync(FILE, "utf8");
  if (source.includes(BUGGY)) {
    writeFileSync(FILE, source.replace(BUGGY, FIXED));
    console.log("patch-stryker: static mutants are now activated before their module loads (stryker-js#6144).");
  } else if (!source.includes(FIXED)) {
    console.warn(`patch-stryker: ${FILE} no longer has the line stryker-js#6144 fixes; check the upgrade against that issue.`);
  }
}
