export { buildOpenApiDocument, errorResponse } from "./document";
export { ENDPOINTS, rateLimitOf, type Endpoint } from "./endpoints";
export { fieldsOf, toJsonSchema, type FieldDoc, type JsonSchema } from "./json-schema";
export { transactionPaidEvent, WEBHOOK_HEADERS, WEBHOOK_ATTEMPTS, WEBHOOK_RETRY_SCHEDULE, WEBHOOK_TIMEOUT_SECONDS, WEBHOOK_DISABLE_AFTER_FAILURES } from "./webhooks";
export { curlExample, endpointAnchor, endpointViews } from "./docs";
