export { merchantProfileInput, type MerchantProfileInput, type MerchantProfileValues } from "./schema";
export { getMerchantProfile, saveMerchantProfile } from "./profile";
export { khqrAccountFields } from "./khqr-input";
