// lib/payments apart from settle.ts, against its own tests (tests/payments, tests/jobs). Against the whole suite (each
// API test file that reaches a mutant builds its own database) its first 132 mutants took 10 minutes here and
// Stryker put the whole folder at almost 6 hours. A mutant only other folders' tests kill counts as survived
// here, so the score can come out too low, never too high. settle.ts stays in stryker.config.mjs, against the whole suite.
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  ...base,
  mutate: ["lib/payments/**/*.ts", "!lib/payments/settle.ts"],
  vitest: { configFile: "vitest.payments.config.ts" },
};

export default config;
