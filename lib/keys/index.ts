export { authenticateApiKey, recallApiKey, type ApiAccount, type ApiKeyAuth } from "./authenticate";
export { accountCheck, accountCheckValues, readAccount, AccountChangedError } from "./account";
export { generateApiKey, hashApiKey, keyHint, parseApiKeyMode, type KeyMode } from "./format";
export { issueApiKey, listApiKeys, revokeApiKey, rollApiKey, type IssuedKey, type ApiKeySummary } from "./manage";
