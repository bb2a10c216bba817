export { authenticateApiKey, recallApiKey, type ApiAccount, type ApiKeyAuth } from "./authenticate";
export { accountCheck, accountCheckValues, accountVersion, AccountChangedError } from "./account-check";
export { generateApiKey, hashApiKey, keyHint, parseApiKeyMode, type KeyMode } from "./format";
export { issueApiKey, listApiKeys, revokeApiKey, rollApiKey, type IssuedKey, type ApiKeySummary } from "./manage";
