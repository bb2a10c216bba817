/** Limits of the public API that are ours rather than KHQR's (KHQR field lengths live in lib/khqr). */
export const QR_EXPIRY_SECONDS = { min: 30, max: 86_400, default: 900 } as const;
export const ORDER_ID_MAX_LENGTH = 64;
/** The largest /api/v1 request body read; a bigger one is refused with 413 before the rest is read. */
export const API_BODY_MAX_BYTES = 64 * 1024;

/** Payment links: how long their title, description and success URL may be. */
export const PAYMENT_LINK_LIMITS = { title: 80, description: 500, successUrl: 2000 } as const;
