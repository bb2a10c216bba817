// Mutation testing of the money paths (issue 17): a surviving mutant here means lost or wrong money or a
// security hole. `npm run test:mutation` runs this against PostgreSQL and Redis like CI and prints the
// score per folder (scripts/mutation-scores.ts). Folder globs, not file names (files move inside lib/), but for settle.ts. lib/khqr and
// lib/bakong have a config of their own (stryker.unit.config.mjs: `npm run test:mutation -- stryker.unit.config.mjs`),
// and so has the rest of lib/payments (stryker.payments.config.mjs).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts" },
  mutate: [
    // Where a surviving mutant is a double payment: against every test that reaches it.
    "lib/payments/settle.ts",
    "lib/webhooks/**/*.ts",
    "lib/keys/**/*.ts",
    "lib/ratelimit/**/*.ts",
    "lib/auth/**/*.ts",
    // Homes the lib/ redesign gives some of the code above.
    "lib/accounts/**/*.ts",
    "lib/errors/**/*.ts",
  ],
  // Only the tests that run a mutant's line are run against it.
  coverageAnalysis: "perTest",
  // The machine is shared; `npm run test:mutation -- --concurrency 2` on a free one.
  concurrency: 1,
  // Static mutants (code run while modules load, or in beforeAll/describe bodies) need the whole suite per
  // mutant: about 100 s each here, days for a full run. They are reported as Ignored, outside the score;
  // mutants also covered by a test still run against those tests.
  ignoreStatic: true,
  // A mutant that makes a test wait on a timer or a socket is a timeout (detected), not a hang.
  timeoutMS: 20_000,
  incremental: true,
  // Committed (reports/mutation/ is not): the baseline that makes a run after a small change take minutes.
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 97, low: 90, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};

export default config;
