import type { z } from "zod";
import { API_BODY_MAX_BYTES } from "@/lib/config/limits";
import { AppError } from "@/lib/errors";

const TOO_LARGE_MESSAGE = `The request body must be at most ${API_BODY_MAX_BYTES / 1024} KB`;

/** The body as text, refusing (413) as soon as it passes the limit: a huge body is never held in memory. */
async function readLimitedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > API_BODY_MAX_BYTES) throw new AppError("payload_too_large", TOO_LARGE_MESSAGE);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > API_BODY_MAX_BYTES) {
      await reader.cancel();
      throw new AppError("payload_too_large", TOO_LARGE_MESSAGE);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** Reads a JSON body and validates it; every way it can be wrong is a 400 invalid_input. */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType.trim())) {
    throw new AppError("invalid_input", "Content-Type must be application/json");
  }
  const text = await readLimitedText(request);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("invalid_input", parsed.error.issues.slice(0, 3).map(describeIssue).join("; "));
  }
  return parsed.data;
}
