import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The codec's own tests, for mutation testing lib/khqr (stryker.khqr.config.mjs). Spread, not mergeConfig: that would
// append to the base's include list.
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/khqr/**/*.test.ts"] } });
