// The folders that touch no database — lib/khqr (a pure codec) and lib/bakong (the Bakong client, tested against a
// fake Bakong on 127.0.0.1) — must be pinned by their own tests, so their mutants run against those alone.
// Against the whole suite a run takes hours here (the API tests also reach the encoder, each with its own
// database): 890 of lib/khqr's 1,050 mutants took 47 minutes, and the last 160 were each covered by most API test files.
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = { ...base, mutate: ["lib/khqr/**/*.ts", "lib/bakong/**/*.ts"], vitest: { configFile: "vitest.unit.config.ts" } };

export default config;
