export type { BakongTransaction, BakongCheckResult, BakongClient, LiveBakongOptions, SandboxPayment, SandboxLedger } from "./types";
export { BakongUnavailableError, type BakongUnavailableReason } from "./errors";
export { createLiveBakongClient } from "./live-client";
export { createSandboxBakongClient } from "./sandbox-client";
export { bakongConfigFromEnv } from "./config";
export { MD5_LIST_MAX } from "./md5-list";
export { parseRetryAfter } from "./http";
