import { createHash, randomInt } from "node:crypto";
import type { Mode } from "@/lib/config/enums";

// Stryker disable next-line StringLiteral: evaluated once at module load, where Stryker's vitest runner cannot switch a mutant on per test (tests/keys/format.test.ts pins it)
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
// 32 base62 characters carry ~190 bits: far beyond guessing, and short enough to paste.
const SECRET_LENGTH = 32;
// Stryker disable next-line Regex: evaluated once at module load, where Stryker's vitest runner cannot switch a mutant on per test (tests/keys/format.test.ts pins it)
const KEY_PATTERN = /^khqr_(live|test)_[0-9A-Za-z]{24,64}$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What the dashboard shows for a key after creation: its prefix and last four characters. */
export function keyHint(key: string): string {
  const prefix = key.slice(0, key.indexOf("_", 5) + 1);
  return `${prefix}…${key.slice(-4)}`;
}

export function generateApiKey(mode: Mode): { key: string; hash: string; hint: string } {
  let secret = "";
  for (let i = 0; i < SECRET_LENGTH; i++) secret += BASE62[randomInt(BASE62.length)];
  const key = `khqr_${mode}_${secret}`;
  return { key, hash: hashApiKey(key), hint: keyHint(key) };
}

/** The mode of a well-formed key, or null: a malformed key never reaches the database. */
export function parseApiKeyMode(key: string): Mode | null {
  const match = KEY_PATTERN.exec(key);
  return match ? (match[1] as Mode) : null;
}
