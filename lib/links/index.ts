/** Payment links: create/list/get/deactivate, the public page's checkout (one open QR per browser), the signed success redirect. */
export {
  createPaymentLink,
  listPaymentLinks,
  getPaymentLink,
  deactivatePaymentLink,
  findOwnPaymentLink,
  findUsersPaymentLink,
  paymentLinkTransactions,
} from "./manage";
export {
  BROWSER_COOKIE,
  openPaymentCookie,
  newBrowserId,
  isBrowserId,
  findPublicLink,
  openLinkPayment,
  linkPaymentAmount,
  startLinkPayment,
  linkPaymentSuccess,
  type PublicLink,
  type LinkSuccess,
} from "./checkout";
export { signedSuccessUrl, successSignature, signedSuccessText, type SuccessParams } from "./signature";
export { newSlug, isSlug, SLUG_LENGTH } from "./slug";
export { linkStatus, paymentLinkUrl, type LinkStatus } from "./link-state";
export { paymentLinkView, type PaymentLinkView } from "./view";
export * from "./schemas";
