import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The tests of the folders that touch no database, for mutation testing them (stryker.unit.config.mjs). Spread, not
// mergeConfig: that would append to the base's include list.
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/khqr/**/*.test.ts", "tests/bakong/**/*.test.ts"] } });
