import { describe, expect, it } from "vitest";
import { onPollingRequested } from "@/lib/payments";
import { nextCheckAt } from "@/lib/payments/poll-schedule";
import { requestPollingPass } from "@/lib/payments/polling-wake";

const created = new Date("2026-01-01T00:00:00.000Z");
const expires = new Date(created.getTime() + 15 * 60_000);
const at = (ms: number) => new Date(created.getTime() + ms);
/** How long after `now` the QR is next asked about. */
const waitAfter = (ageMs: number) => nextCheckAt(created, expires, at(ageMs))!.getTime() - at(ageMs).getTime();

describe("when a pending QR is next asked about", () => {
  it("every 3 s for its first 2 minutes, every 10 s until 5 minutes, then every 15 s", () => {
    expect(waitAfter(0)).toBe(3_000);
    expect(waitAfter(119_999)).toBe(3_000);
    expect(waitAfter(120_000)).toBe(10_000);
    expect(waitAfter(200_000)).toBe(10_000);
    expect(waitAfter(299_999)).toBe(10_000);
    expect(waitAfter(300_000)).toBe(15_000);
    expect(waitAfter(600_000)).toBe(15_000);
  });

  it("never later than one second after expiry, checks once at expiry itself, and stops after that", () => {
    const expiry = expires.getTime() - created.getTime();
    expect(nextCheckAt(created, expires, at(expiry - 5_000))).toEqual(new Date(expires.getTime() + 1_000));
    expect(nextCheckAt(created, expires, expires)).toEqual(new Date(expires.getTime() + 1_000));
    expect(nextCheckAt(created, expires, at(expiry + 1))).toBeNull();
    expect(nextCheckAt(created, expires, at(expiry + 1_000))).toBeNull();
  });
});

describe("waking a local poller for a waiting client check", () => {
  it("runs every registered poller's pass, and none that has stopped listening", () => {
    const passes: string[] = [];
    const stopA = onPollingRequested(() => passes.push("a"));
    const stopB = onPollingRequested(() => passes.push("b"));
    requestPollingPass();
    expect(passes).toEqual(["a", "b"]);

    stopA();
    requestPollingPass();
    expect(passes).toEqual(["a", "b", "b"]);
    stopB();
    requestPollingPass();
    expect(passes).toEqual(["a", "b", "b"]);
  });
});
