export { API_ERRORS, ApiError, type ApiErrorCode } from "./errors";
export { withApi, preflight } from "./with-api";
export { CORS_HEADERS, CORS_PREFLIGHT_HEADERS } from "./cors";
