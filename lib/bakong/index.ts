export type {
  BakongEnvelope,
  BakongTransaction,
  BakongCheckResult,
  BakongClient,
  LiveBakongOptions,
  SandboxPayment,
  SandboxLedger,
} from "./types";
export { BakongUnavailableError, type BakongUnavailableReason } from "./errors";
export { createLiveBakongClient } from "./live-client";
export { createSandboxBakongClient } from "./sandbox-client";
export { bakongConfigFromEnv } from "./config";
