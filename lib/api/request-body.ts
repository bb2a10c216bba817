import type { z } from "zod";
import { AppError } from "@/lib/errors";

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
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON");
  }
  const parsed = schema.safeParse(raw, { error: readableIssue });
  if (!parsed.success) throw new AppError("invalid_input", describeIssues(parsed.error.issues));
  return parsed.data;
}
