export { API_ERRORS } from "./error-status";
export { CORS_HEADERS, CORS_PREFLIGHT_HEADERS } from "./cors";
export { withApi, preflight } from "./with-api";
export { baseHeaders, newRequestId } from "./response";
export { installHttpServerHook } from "./http-server-hook";
export { lastPathSegment } from "./routes";
