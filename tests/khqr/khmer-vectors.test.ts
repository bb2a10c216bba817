import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeKhqr, encodeKhqr, verifyKhqr } from "@/lib/khqr";
import { encodeWithSdk, type KhqrVector } from "./helpers";

// Made by the official SDK once (see "about" in the file); this test makes them again with the SDK, so the
// file cannot drift from the oracle, and with lib/khqr, which must match both byte for byte.
const { createdAtMs, vectors } = JSON.parse(readFileSync(path.join(import.meta.dirname, "khmer-vectors.json"), "utf8")) as {
  createdAtMs: number;
  vectors: KhqrVector[];
};

describe("Khmer names in the QR (tag 64, language km)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  describe.each(vectors)("vector $id: $name", (vector) => {
    it("is what the NBC SDK writes today", () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(createdAtMs);
      expect(encodeWithSdk(vector.input)).toEqual({ qr: vector.qr, md5: vector.md5 });
    });

    it("is what lib/khqr writes, byte for byte, and reads back", () => {
      expect(encodeKhqr({ ...vector.input, createdAtMs })).toMatchObject({ qr: vector.qr, md5: vector.md5 });
      const decoded = decodeKhqr(vector.qr);
      expect(decoded.languagePreference).toBe("km");
      expect(decoded.merchantNameAlternateLanguage).toBe(vector.input.merchantNameAlternateLanguage);
      expect(decoded.merchantCityAlternateLanguage).toBe(vector.input.merchantCityAlternateLanguage);
      expect(verifyKhqr(vector.qr, createdAtMs).valid).toBe(true);
    });
  });
});
