import type { z } from "zod";
import { AppError } from "@/lib/errors";

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
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("invalid_input", parsed.error.issues.slice(0, 3).map(describeIssue).join("; "));
  }
  return parsed.data;
}
