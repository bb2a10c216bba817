import type { AccountScope, ApiAccount } from "@/lib/accounts";

/** An authenticated API key: the account and mode it acts for, and (from the lookup) what it read of the account. */
export type ApiKeyAuth = AccountScope & { keyId: string; account?: ApiAccount };
