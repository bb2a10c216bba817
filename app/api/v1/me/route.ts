import { accountInfo } from "@/lib/accounts";
import { preflight, withApi } from "@/lib/api";

export const GET = withApi({ route: "me", rateLimit: "general" }, ({ auth }) => accountInfo(auth));
export const OPTIONS = preflight;
