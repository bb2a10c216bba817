export { merchantProfileInput, type MerchantProfileInput } from "./schema";
export { getMerchantProfile, saveMerchantProfile } from "./profile";
export { khqrAccountFields } from "./khqr-input";
