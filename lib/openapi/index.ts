export { buildOpenApiDocument, errorResponse } from "./document";
export { ENDPOINTS, type Endpoint } from "./endpoints";
export { fieldsOf, toJsonSchema } from "./json-schema";
export {
  transactionEvent,
  transactionVerifiedEvent,
  webhookTestEvent,
  WEBHOOK_HEADERS,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_RETRY_SCHEDULE,
  WEBHOOK_TIMEOUT_SECONDS,
  WEBHOOK_DISABLE_AFTER_FAILURES,
} from "./webhooks";
export { endpointViews, webhookEventViews } from "./docs";
