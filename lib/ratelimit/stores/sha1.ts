import { createHash } from "node:crypto";

/** The hash Redis and @upstash/ratelimit name a script by. */
export function scriptSha(script: string): string {
  return createHash("sha1").update(script).digest("hex");
}
