import { AppError } from "@/lib/errors";

/** The endpoint or delivery does not exist for this user: another merchant's id reads exactly like a missing one. */
export function webhookNotFound(what: "endpoint" | "delivery"): AppError {
  return new AppError("not_found", `That webhook ${what} no longer exists.`);
}
