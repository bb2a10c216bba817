/** Small pure helpers every layer may use; this folder imports nothing of ours (zod for the storable-text schema). */
export { chunksOf, mapLimited } from "./batches";
export { cambodiaDay, cambodiaDateStart, cambodiaDateTime, cambodiaDayStart, isCalendarDate, nextCambodiaMidnight } from "./cambodia-time";
export { isUuid } from "./uuid";
export { clientAddress, trustedProxyHops } from "./client-address";
export { isStorableText, storableString, toStorableText } from "./storable-text";
export { contentSecurityPolicy } from "./content-security-policy";
