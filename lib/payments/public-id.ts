import { randomBytes } from "node:crypto";

/**
 * The payment page's id: 256 random bits as hex. The md5 stays the API's identifier, but it is a hash of
 * fields a stranger can guess (merchant, amount, the millisecond it was made), so it never opens a page.
 * Rows from before public ids were backfilled by the database with 244 random bits in the same form.
 */
export function newPublicId(): string {
  return randomBytes(32).toString("hex");
}

export function isPublicId(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
