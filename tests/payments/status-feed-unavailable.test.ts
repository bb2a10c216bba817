import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { logLines } from "../helpers/log-lines";
import { announce, countingWatcher } from "./status-feed-helpers";

afterEach(() => {
  vi.unstubAllEnvs();
});

// Its own file: the feed is listened to once per process, and this test needs the first attempt to fail.
describe("the payment status feed when the database cannot be listened to", () => {
  it("warns the operator, still calls the watcher once (pages fall back to re-reading), and the next watcher listens again", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://khqr@127.0.0.1:1/unreachable");
    let early!: ReturnType<typeof countingWatcher>;
    const lines = await logLines(async () => {
      early = countingWatcher("a".repeat(32));
      await early.reaches(1);
    });
    expect(lines.find((line) => line.msg === "payment_status_feed_unavailable")).toMatchObject({
      level: "warn",
      error_message: expect.stringMatching(/\S/),
    });
    early.stop();

    vi.unstubAllEnvs();
    await getDb();
    const watcher = countingWatcher("b".repeat(32));
    await watcher.reaches(1);
    await announce("b".repeat(32));
    await watcher.reaches(2);
    watcher.stop();
  });
});
