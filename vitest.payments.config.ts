import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// lib/payments' own tests and the jobs that drive them (the poller), for mutation testing lib/payments
// (stryker.payments.config.mjs). Spread, not mergeConfig: that would append to the base's include list.
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/payments/**/*.test.ts", "tests/jobs/**/*.test.ts"] } });
