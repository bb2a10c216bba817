export { authenticateApiKey, cachedApiKey } from "./authenticate";
export type { ApiKeyAuth } from "./key-auth";
export { isKeyUnchanged, keyRecheck, keyRecheckValues, AccountChangedError } from "./key-check";
export { issueApiKey, listApiKeys, revokeApiKey, rollApiKey, type IssuedKey } from "./manage";
