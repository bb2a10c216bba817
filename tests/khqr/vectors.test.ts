import { describe, expect, it } from "vitest";
import { decodeKhqr, encodeKhqr, formatKhqrAmount, verifyKhqr } from "@/lib/khqr";
import { inputFromDecoded, loadVectors } from "./helpers";

const { createdAtMs, vectors } = loadVectors();

describe("the official SDK's vectors", () => {
  it("has all eight", () => {
    expect(vectors).toHaveLength(8);
  });

  describe.each(vectors)("vector $id: $name", (vector) => {
    const dynamic = vector.input.amount !== undefined;

    it("encodes byte for byte, md5 included", () => {
      expect(encodeKhqr({ ...vector.input, createdAtMs })).toEqual({ qr: vector.qr, md5: vector.md5, dynamic });
    });

    it("decodes to its input, with the defaults filled in", () => {
      const { input } = vector;
      expect(decodeKhqr(vector.qr)).toEqual({
        ...input,
        payloadFormat: "01",
        pointOfInitiation: dynamic ? "dynamic" : "static",
        merchantCategoryCode: input.merchantCategoryCode ?? "5999",
        merchantCity: input.merchantCity ?? "Phnom Penh",
        ...(input.amount === undefined ? {} : { amount: formatKhqrAmount(input.amount, input.currency), createdAtMs }),
        crc: vector.qr.slice(-4),
      });
    });

    it("re-encodes from its decoded form to the same string", () => {
      expect(encodeKhqr({ ...inputFromDecoded(decodeKhqr(vector.qr)), createdAtMs }).qr).toBe(vector.qr);
    });

    it("verifies while not expired", () => {
      expect(verifyKhqr(vector.qr, createdAtMs)).toEqual({ valid: true, decoded: decodeKhqr(vector.qr) });
    });
  });
});
