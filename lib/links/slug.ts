import { randomInt } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 24 base62 characters: 24 × log2(62) ≈ 143 random bits, so slugs cannot be enumerated or guessed. */
export const SLUG_LENGTH = 24;

/** Each character drawn uniformly (randomInt rejects biased values), from the OS's CSPRNG. */
export function newSlug(): string {
  return Array.from({ length: SLUG_LENGTH }, () => BASE62[randomInt(BASE62.length)]).join("");
}

export function isSlug(value: string): boolean {
  return new RegExp(`^[0-9A-Za-z]{${SLUG_LENGTH}}$`).test(value);
}
