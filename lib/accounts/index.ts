/** An account: its user row, plan and today's usage, and what an API request reads of it. */
export { accountFields, accountVersion, readAccount, type AccountScope, type ApiAccount } from "./account";
export { accountInfo } from "./account-info";
export { createUser } from "./create-user";
export { normalizeEmail } from "./email";
export { getUsageToday, setPlan } from "./plan";
export { saveUserPreferences, userPreferencesInput, type UserPreferences } from "./preferences";
