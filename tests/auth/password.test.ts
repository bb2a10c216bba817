import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

// Stored by an earlier release for "correct horse battery": scrypt N=2^15, r=8, p=1, this 16-byte salt, a 32-byte key.
const SALT = "AAECAwQFBgcICQoLDA0ODw==";
const KEY = "xy6UCICz8Vv/P6JqOkkUD4DOmhxN0tXSe6sQAUBxupQ=";
const STORED = `scrypt$32768$8$1$${SALT}$${KEY}`;

describe("password hashes", () => {
  it("a hash stored by an earlier release still verifies: changing the scrypt parameters would lock every account out", async () => {
    expect(await verifyPassword("correct horse battery", STORED)).toBe(true);
    expect(await verifyPassword("correct horse battery!", STORED)).toBe(false);
  });

  it("a new hash names its scheme and parameters, carries a fresh salt, and verifies only its own password", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword("correct horse battery", first)).toBe(true);
    expect(await verifyPassword("Correct horse battery", first)).toBe(false);
  });

  it("a password typed in another Unicode form of the same text verifies (é as one character or as e + accent)", async () => {
    const stored = await hashPassword("caf\u00e9 au lait");
    expect(await verifyPassword("cafe\u0301 au lait", stored)).toBe(true);
  });

  // A damaged or foreign row in users.password_hash must read as a wrong password, never as a crash or a match.
  it.each([
    ["another scheme, even with the right salt and key", `bcrypt$32768$8$1$${SALT}$${KEY}`],
    // The key of "correct horse battery" under an empty salt: an unsalted hash is refused, not checked.
    ["no salt", "scrypt$32768$8$1$$2NCHXR4CGoHnjqAB3BtGJFeishBGFtpzLoVoPX1xyKw="],
    ["no key", `scrypt$32768$8$1$${SALT}$`],
    ["the key part missing altogether", `scrypt$32768$8$1$${SALT}`],
    // The first 16 bytes of the right key: a truncated column.
    ["a shorter key", `scrypt$32768$8$1$${SALT}$xy6UCICz8Vv/P6JqOkkUDw==`],
    ["a longer key", `scrypt$32768$8$1$${SALT}$${Buffer.concat([Buffer.from(KEY, "base64"), Buffer.alloc(1)]).toString("base64")}`],
    ["nothing at all", ""],
  ])("%s: verifies false", async (_case, stored) => {
    await expect(verifyPassword("correct horse battery", stored)).resolves.toBe(false);
  });
});
