export { inngest, PAYMENT_PAID_EVENT } from "./client";
export { isInngestConfigured } from "./config";
export { inngestFunctions, passesPerCronRun } from "./functions";
