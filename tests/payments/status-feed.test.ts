import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { announceStatusChange } from "@/lib/payments/status-feed";
import { logLines } from "../helpers/log-lines";
import { announce, countingWatcher } from "./status-feed-helpers";

// The database opens (and migrates) before the first watch, so waiting for a watcher waits only for the feed.
beforeAll(async () => {
  await getDb();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the payment status feed", () => {
  it("calls a watcher once when it is listening, then on each change announced for its payment", async () => {
    const watcher = countingWatcher("a".repeat(32));
    await watcher.reaches(1);
    await announce("a".repeat(32));
    await watcher.reaches(2);
    await announce("a".repeat(32));
    await watcher.reaches(3);
    watcher.stop();
  });

  it("is heard only once the announcing transaction commits, and not at all when it rolls back", async () => {
    const md5 = "b".repeat(32);
    const watcher = countingWatcher(md5);
    await watcher.reaches(1);
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await announceStatusChange(tx, md5);
        throw new Error("settling failed");
      }),
    ).rejects.toThrow("settling failed");
    // A later change is heard alone: the rolled-back one never was.
    await announce(md5);
    await watcher.reaches(2);
    expect(watcher.calls()).toBe(2);
    watcher.stop();
  });

  it("does not call watchers of other payments, and a change to a payment nobody watches harms no one", async () => {
    const mine = countingWatcher("c".repeat(32));
    const other = countingWatcher("d".repeat(32));
    await mine.reaches(1);
    await other.reaches(1);
    await announce("e".repeat(32));
    await announce("c".repeat(32));
    await mine.reaches(2);
    expect(other.calls()).toBe(1);
    mine.stop();
    other.stop();
  });

  it("stops calling a watcher that unwatched, while other watchers of the same payment still hear changes", async () => {
    const md5 = "f".repeat(32);
    const leaving = countingWatcher(md5);
    const staying = countingWatcher(md5);
    await leaving.reaches(1);
    await staying.reaches(1);
    leaving.stop();
    await announce(md5);
    await staying.reaches(2);
    expect(leaving.calls()).toBe(1);
    staying.stop();
  });

  it("does not call a watcher that unwatched before the feed was listening", async () => {
    const gone = countingWatcher("1".repeat(32));
    gone.stop();
    // Watchers are told in the order they came: once this one has been, the one before had its turn.
    const later = countingWatcher("2".repeat(32));
    await later.reaches(1);
    expect(gone.calls()).toBe(0);
    later.stop();
  });

  it("keeps nothing for a payment once its last watcher leaves, so a long-running server does not grow with every page view", async () => {
    const md5 = "3".repeat(32);
    const registry = (globalThis as unknown as { __khqrStatusWatchers: Map<string, Set<unknown>> }).__khqrStatusWatchers;
    const first = countingWatcher(md5);
    const second = countingWatcher(md5);
    await second.reaches(1);
    first.stop();
    expect(registry.has(md5)).toBe(true);
    second.stop();
    expect(registry.has(md5)).toBe(false);
  });

  it("logs no warning while the database can be listened to", async () => {
    const lines = await logLines(async () => {
      const watcher = countingWatcher("4".repeat(32));
      await watcher.reaches(1);
      watcher.stop();
    });
    expect(lines.filter((line) => line.msg === "payment_status_feed_unavailable")).toEqual([]);
  });
});
