import { preflight, withApi } from "@/lib/api";
import { accountInfo } from "@/lib/payments";

export const GET = withApi({ route: "me", rateLimit: "general" }, ({ auth }) => accountInfo(auth));
export const OPTIONS = preflight;
