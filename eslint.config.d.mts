// Types for what tests/architecture.test.ts reads from eslint.config.mjs.
export declare const LIB_DEPENDENCIES: Record<string, readonly string[]>;
declare const config: unknown[];
export default config;
