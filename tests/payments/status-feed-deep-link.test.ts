import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { bakongState } from "@/lib/db/schema";
import { bakongDeepLink } from "@/lib/payments";
import { readBakongState } from "@/lib/payments/bakong-state";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { logLines } from "../helpers/log-lines";

const DEEP_LINK = "/v1/generate_deeplink_by_qr";

let fake: FakeBakong;
beforeAll(async () => {
  fake = await startFakeBakong({ deepLinkBase: "https://link.example" });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  vi.stubEnv("BAKONG_API_URL", fake.url);
  vi.stubEnv("BAKONG_TOKEN", "fake-token");
  // Enough budget for a thousand calls at once: these tests are about the cache, not the budget.
  vi.stubEnv("BAKONG_MAX_CALLS_PER_MINUTE", "12000");
  const db = await getDb();
  await db.delete(bakongState);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A live payment page of its own (random public id and QR), as createQr makes them. */
const livePayment = () => ({
  md5: randomBytes(16).toString("hex"),
  publicId: randomBytes(32).toString("hex"),
  qr: `000201live${randomBytes(8).toString("hex")}`,
  mode: "live" as const,
});
const deepLinkCalls = () => fake.requests.filter((request) => request.path === DEEP_LINK).length;

describe("the bank-app link of a payment page", () => {
  it("is not asked of Bakong when the shared call budget is spent", async () => {
    await readBakongState("live");
    const db = await getDb();
    // Spent, and not refilling before the test ends.
    await db
      .update(bakongState)
      .set({ budgetTokens: 0, budgetRefilledAt: new Date(Date.now() + 3_600_000) })
      .where(eq(bakongState.mode, "live"));

    expect(await bakongDeepLink(livePayment())).toBeNull();
    expect(deepLinkCalls()).toBe(0);
  });

  it("is left out, with a warning naming the payment, when Bakong fails; the next visit asks again", async () => {
    const payment = livePayment();
    fake.failNext(DEEP_LINK, { status: 500, times: 5 });
    const lines = await logLines(async () => expect(await bakongDeepLink(payment)).toBeNull());
    const warning = lines.find((line) => line.msg === "bakong_deep_link_failed");
    expect(warning).toMatchObject({ level: "warn", md5: payment.md5, error_message: expect.stringMatching(/\S/) });

    fake.reset();
    expect(await bakongDeepLink(payment)).toMatch(/^https:\/\/link\.example\//);
  });

  it("is remembered for many pages at once, not only the last one", async () => {
    const [first, second] = [livePayment(), livePayment()];
    const firstLink = await bakongDeepLink(first);
    const secondLink = await bakongDeepLink(second);
    expect(await bakongDeepLink(first)).toBe(firstLink);
    expect(await bakongDeepLink(second)).toBe(secondLink);
    expect(deepLinkCalls()).toBe(2);
  });

  it("keeps the 500 most recent pages' links: the oldest is forgotten first, and pages without a link take no place", async () => {
    const pages = Array.from({ length: 501 }, livePayment);
    for (const page of pages.slice(0, 499)) expect(await bakongDeepLink(page)).not.toBeNull();
    // Bakong answering without a link: nothing to remember.
    const linkless = livePayment();
    fake.failNext(DEEP_LINK, { status: 200, body: { responseCode: 1, responseMessage: "No link", errorCode: 4, data: null } });
    const lines = await logLines(async () => expect(await bakongDeepLink(linkless)).toBeNull());
    expect(lines.filter((line) => line.msg === "bakong_deep_link_failed")).toEqual([]);
    expect(await bakongDeepLink(pages[499]!)).not.toBeNull();
    expect(deepLinkCalls()).toBe(501);

    // 500 links held: revisiting the first page is still free.
    await bakongDeepLink(pages[0]!);
    expect(deepLinkCalls()).toBe(501);

    // One more page makes room by forgetting the oldest (the first), and only that one.
    await bakongDeepLink(pages[500]!);
    await bakongDeepLink(pages[2]!);
    await bakongDeepLink(pages[500]!);
    expect(deepLinkCalls()).toBe(502);
    await bakongDeepLink(pages[0]!);
    expect(deepLinkCalls()).toBe(503);
  });
});
