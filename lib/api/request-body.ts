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

const ARTICLE: Record<string, string> = { object: "an object", array: "an array", integer: "an integer" };

/**
 * Messages for the issues a schema leaves to zod's defaults, in the API's words: "md5 is required" rather
 * than zod's "Invalid input: expected string, received undefined". Messages a schema writes itself win.
 */
const readableIssue: z.core.$ZodErrorMap = (issue) => {
  const field = issue.path?.join(".") ?? "";
  const subject = field === "" ? "The request body" : field;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${subject} is required`;
      return `${subject} must be ${ARTICLE[issue.expected] ?? `a ${issue.expected}`}`;
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")}: leave ${issue.keys.length === 1 ? "it" : "them"} out`;
    case "invalid_union":
      return `${subject} has the wrong type`;
    default:
      return undefined;
  }
};

/** One message per field (its first), named once: a message that starts with its field's name is not prefixed again. */
function describeIssues(issues: z.core.$ZodIssue[]): string {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.join(".");
    if (byField.has(field)) continue;
    byField.set(field, field === "" || issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`);
  }
  return [...byField.values()].slice(0, 3).join("; ");
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
  const parsed = schema.safeParse(raw, { error: readableIssue });
  if (!parsed.success) throw new AppError("invalid_input", describeIssues(parsed.error.issues));
  return parsed.data;
}
