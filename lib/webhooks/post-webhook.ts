import http from "node:http";
import https from "node:https";
import { guardedLookup, PrivateTargetError } from "./guarded-lookup";
import { isPrivateHostname } from "./target-policy";

/** Success is a 2xx within this time, connect and response body included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer we keep for the delivery log; the rest is never read. */
export const RESPONSE_EXCERPT_BYTES = 2_048;

export type WebhookRequest = {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivateTargets: boolean;
  timeoutMs?: number;
};

export type AttemptOutcome = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

/**
 * One POST to a merchant's endpoint. Never throws: every failure (refused target, DNS, connect, TLS,
 * timeout, non-2xx, redirect) comes back as an outcome for the delivery log. Redirects are not followed,
 * since a 3xx to an internal address would otherwise bypass the target check.
 */
export function postWebhook(request: WebhookRequest): Promise<AttemptOutcome> {
  const timeoutMs = request.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);

  // An IP literal never goes through DNS, so the connect-time lookup guard would not see it.
  if (!request.allowPrivateTargets && isPrivateHostname(url.hostname)) {
    const refusal = new PrivateTargetError(url.hostname, url.hostname);
    return Promise.resolve({ ok: false, statusCode: null, durationMs: 0, responseExcerpt: null, error: refusal.message });
  }

  return new Promise((resolve) => {
    // The first of response, error and timeout decides: resolve() ignores later calls.
    const finish = (outcome: Omit<AttemptOutcome, "durationMs">) => {
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const fail = (error: string) => finish({ ok: false, statusCode: null, responseExcerpt: null, error });

    const transport = url.protocol === "https:" ? https : http;
    const outgoing = transport.request(url, {
      method: "POST",
      headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      // A fresh connection per attempt: a pooled socket would skip the connect-time address check.
      agent: false,
      ...(request.allowPrivateTargets ? {} : { lookup: guardedLookup() }),
    });
    const timer = setTimeout(() => {
      fail(`no complete answer within ${timeoutMs} ms`);
      outgoing.destroy();
    }, timeoutMs);

    outgoing.on("error", (error) => fail(describeError(error)));
    outgoing.on("response", (response) => {
      const statusCode = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let kept = 0;
      const conclude = () => {
        const responseExcerpt = chunks.length === 0 ? null : Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
        const error = statusError(statusCode, response.headers.location);
        finish({ ok: error === null, statusCode, responseExcerpt, error });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        kept += chunk.length;
        if (kept >= RESPONSE_EXCERPT_BYTES) {
          conclude();
          response.destroy();
        }
      });
      response.on("end", conclude);
      response.on("error", (error) => fail(describeError(error)));
    });
    outgoing.end(request.body);
  });
}

// Node hands 1xx answers to "information" events: a response's status is 200 or more.
function statusError(statusCode: number, location: string | undefined): string | null {
  if (statusCode < 300) return null;
  if (statusCode < 400)
    return `HTTP ${statusCode}: redirect${location ? ` to ${location}` : ""} not followed; point the endpoint at the final URL`;
  return `HTTP ${statusCode}`;
}

function describeError(error: Error): string {
  if (error instanceof PrivateTargetError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
