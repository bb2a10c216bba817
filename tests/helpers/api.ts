type Handler = (request: Request) => Promise<Response>;

export type ApiCall = { status: number; body: Record<string, unknown>; headers: Headers };

/** Calls a real route handler the way Next.js would, with a Bearer key and a JSON body. */
export async function call(
  handler: Handler,
  options: {
    key?: string | null;
    body?: unknown;
    rawBody?: string;
    method?: string;
    contentType?: string;
    headers?: Record<string, string>;
    /** The request's URL, for routes that read a path parameter from it. */
    url?: string;
  } = {},
): Promise<ApiCall> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  if (hasBody) headers.set("content-type", options.contentType ?? "application/json");
  const request = new Request(options.url ?? "http://localhost/api/v1/test", {
    method: options.method ?? (hasBody ? "POST" : "GET"),
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(request);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}
