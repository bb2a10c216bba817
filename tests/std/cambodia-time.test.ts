import { describe, expect, it } from "vitest";
import { cambodiaDateStart, cambodiaDayStart } from "@/lib/std";

describe("Cambodian calendar days", () => {
  it("start at 17:00 UTC the evening before", () => {
    expect(cambodiaDateStart("2026-05-13").toISOString()).toBe("2026-05-12T17:00:00.000Z");
    expect(cambodiaDateStart("2026-05-13", 1).toISOString()).toBe("2026-05-13T17:00:00.000Z");
  });

  it("roll over at midnight in Phnom Penh, not in UTC", () => {
    expect(cambodiaDayStart(new Date("2026-05-13T16:59:59Z")).toISOString()).toBe("2026-05-12T17:00:00.000Z");
    expect(cambodiaDayStart(new Date("2026-05-13T17:00:00Z")).toISOString()).toBe("2026-05-13T17:00:00.000Z");
  });
});
