// lib/khqr is pure: its own tests (tests/khqr) must pin the codec, so its mutants are run against those alone.
// Against the whole suite a run takes hours here (the API tests also reach the encoder, each with its own
// database): 890 of its 1,050 mutants took 47 minutes, and the last 160 were each covered by most API test files.
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = { ...base, mutate: ["lib/khqr/**/*.ts"], vitest: { configFile: "vitest.khqr.config.ts" } };

export default config;
