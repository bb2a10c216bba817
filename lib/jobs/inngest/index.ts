export { inngest, WEBHOOKS_DUE_EVENT } from "./client";
export { isInngestConfigured } from "./config";
export { inngestFunctions, pollBakongFunction, sweepWebhooksFunction, deliverWebhooksNowFunction, POLL_PASSES_PER_RUN, DELIVERY_PASSES_PER_RUN } from "./functions";
