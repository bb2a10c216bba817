/** Small pure helpers every layer may use; this folder imports nothing. */
export { chunksOf, mapLimited } from "./batches";
export { cambodiaDay, cambodiaDateStart, cambodiaDayStart, nextCambodiaMidnight } from "./cambodia-time";
export { isUuid } from "./uuid";
export { clientAddress } from "./client-address";
