import http from "node:http";
import pg from "pg";
import { startFakeBakong, type FakeBakong } from "../tests/fakes/fake-bakong-server";
import { createScratchDatabase, ensureProductionBuild, sleep, startProductionServer } from "./production-server";

/**
 * `npm run bench:bakong`: the production build on PostgreSQL against the fake Bakong (real HTTP, with
 * latency). QRS pending live QRs across MERCHANTS merchants, whose backends poll POST /transaction/check
 * about every 3 s within their per-key rate limit (120/min), for SECONDS, while payments arrive at random
 * times; new QRs keep being created. Run twice: md5-list endpoint working, then answering 403.
 * Prints Bakong calls per pending-QR-minute (a client that checks each QR itself every 3 s makes 20),
 * detection latency (paid at the fake → paid committed, heard through LISTEN) and push latency (commit →
 * the pay page's Server-Sent Event), each against its target; exits 1 when one is missed.
 * Knobs: BENCH_QRS (1000), BENCH_MERCHANTS (20), BENCH_SECONDS (120), BENCH_LATENCY_MS (80).
 * It reuses an existing `.next` build: run `npm run build` first after changing code.
 */
const QRS = Number(process.env.BENCH_QRS ?? 1_000);
const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 80);
const CHECKS_PER_KEY_PER_SECOND = 2; // 120/min, the check route's per-key limit
const BUDGET = Number(process.env.BAKONG_MAX_CALLS_PER_MINUTE ?? 600);
const CHANNEL = "khqr_payment_status";

type Merchant = { key: string; md5s: string[] };
type Scenario = { name: string; listEndpoint: "ok" | "forbidden" };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function post(port: number, path: string, key: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Resolves with the time the page's status stream says "paid". */
function watchPayPage(port: number, pagePath: string, stop: AbortSignal): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: `${pagePath}/events`, signal: stop }, (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (chunk.includes('"status":"paid"')) resolve(performance.now());
      });
      response.on("end", () => resolve(null));
      response.on("error", () => resolve(null));
    });
    request.on("error", () => resolve(null));
  });
}

async function runScenario(scenario: Scenario, fake: FakeBakong): Promise<Record<string, number>> {
  const database = await createScratchDatabase("khqr_bench_bakong");
  const server = await startProductionServer(database.url, {
    BAKONG_API_URL: fake.url,
    BAKONG_TOKEN: "fake-token",
    BAKONG_MAX_CALLS_PER_MINUTE: String(BUDGET),
    LOG_SILENT: "true",
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const { port } = server;
  const listener = new pg.Client({ connectionString: database.url });
  const stop = new AbortController();
  try {
    process.env.DATABASE_URL = database.url;
    const { signUp } = await import("@/lib/auth");
    const { saveMerchantProfile } = await import("@/lib/merchants");
    const { setPlan } = await import("@/lib/accounts");
    const { closeDb } = await import("@/lib/db");
    const merchants: Merchant[] = [];
    for (let m = 0; m < MERCHANTS; m++) {
      const email = `bakong-bench-${Date.now()}-${m}@example.com`;
      const account = await signUp(email, "bench-password-123");
      await saveMerchantProfile(account.userId, { bakongAccountId: "bench@aclb", merchantName: "Bench Shop", currency: "USD" });
      await setPlan(email, "business");
      merchants.push({ key: account.liveKey.key, md5s: [] });
    }
    await closeDb();
    fake.reset();
    fake.delay("/v1/check_transaction_by_md5", LATENCY_MS);
    fake.delay("/v1/check_transaction_by_md5_list", LATENCY_MS);
    fake.setListEndpoint(scenario.listEndpoint);

    const paidCommittedAt = new Map<string, number>();
    await listener.connect();
    listener.on("notification", (message) => paidCommittedAt.set(message.payload ?? "", performance.now()));
    await listener.query(`LISTEN ${CHANNEL}`);

    const createdAt = new Map<string, number>();
    const payPagePath = new Map<string, string>();
    const createQr = async (merchant: Merchant, n: number) => {
      const { body } = await post(port, "/api/v1/qr", merchant.key, {
        amount: 1.25,
        bill_number: `B-${n}`,
        expires_in_seconds: SECONDS + 600,
      });
      merchant.md5s.push(body.md5 as string);
      createdAt.set(body.md5 as string, performance.now());
      payPagePath.set(body.md5 as string, new URL(body.pay_url as string).pathname);
    };
    let qrNumber = 0;
    for (let round = 0; round < Math.ceil(QRS / MERCHANTS); round++)
      await Promise.all(merchants.map((merchant) => createQr(merchant, qrNumber++)));
    if (scenario.listEndpoint === "forbidden") {
      // A backlog of QRs past their first two minutes, so that the young ones created below must win the budget.
      await listener.query("update transactions set created_at = created_at - interval '3 minutes'");
      for (const md5 of createdAt.keys()) createdAt.set(md5, createdAt.get(md5)! - 180_000);
    }
    const callsBefore = fake.requests.length;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;

    // Each merchant's backend: checks its QRs round-robin, as often as its rate limit allows.
    const clients = merchants.map(async (merchant, index) => {
      await sleep((index * 1000) / MERCHANTS);
      let next = 0;
      while (performance.now() < deadline) {
        const md5 = merchant.md5s[next++ % merchant.md5s.length]!;
        void post(port, "/api/v1/transaction/check", merchant.key, { md5 }).catch(() => {});
        await sleep(1000 / CHECKS_PER_KEY_PER_SECOND);
      }
    });
    // New QRs keep coming (one every 2 s): the young ones customers are paying right now.
    const creator = (async () => {
      while (performance.now() < deadline - 15_000) {
        await createQr(merchants[qrNumber % MERCHANTS]!, qrNumber++);
        await sleep(2000);
      }
    })();
    // Payments arrive at random times, to old and young QRs alike; their pay pages are open.
    const paidAtFake = new Map<string, number>();
    const pushedAt = new Map<string, Promise<number | null>>();
    const payer = (async () => {
      while (performance.now() < deadline - 15_000) {
        await sleep(500 + Math.random() * 1500);
        const candidates = [...createdAt.keys()].filter((md5) => !paidAtFake.has(md5));
        const md5 = candidates[Math.floor(Math.random() * candidates.length)]!;
        pushedAt.set(md5, watchPayPage(port, payPagePath.get(md5)!, stop.signal));
        await sleep(200);
        fake.markPaid(md5, { toAccountId: "bench@aclb", amount: 1.25, currency: "USD" });
        paidAtFake.set(md5, performance.now());
      }
    })();
    await Promise.all([...clients, creator, payer]);
    await sleep(8_000);
    const elapsedMinutes = (performance.now() - started) / 60_000;
    const calls = fake.requests.length - callsBefore;

    const detection: number[] = [];
    const youngDetection: number[] = [];
    const push: number[] = [];
    for (const [md5, paidAt] of paidAtFake) {
      const committed = paidCommittedAt.get(md5);
      if (committed === undefined) continue;
      detection.push(committed - paidAt);
      if (paidAt - createdAt.get(md5)! < 120_000) youngDetection.push(committed - paidAt);
      const pushed = await Promise.race([pushedAt.get(md5)!, sleep(100).then(() => null)]);
      if (pushed !== null && pushed !== undefined) push.push(Math.max(0, pushed - committed));
    }
    const pendingQrMinutes = createdAt.size * elapsedMinutes - paidAtFake.size * elapsedMinutes * 0.5;
    return {
      calls,
      elapsedMinutes,
      callsPerMinute: calls / elapsedMinutes,
      callsPerPendingQrMinute: calls / pendingQrMinutes,
      payments: paidAtFake.size,
      detected: detection.length,
      detectionP50: percentile(detection, 50),
      detectionP99: percentile(detection, 99),
      youngDetectionP50: percentile(youngDetection, 50),
      pushP50: percentile(push, 50),
      pushP99: percentile(push, 99),
    };
  } finally {
    stop.abort();
    await listener.end().catch(() => {});
    await server.stop();
    await database.drop();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  ensureProductionBuild();
  const fake = await startFakeBakong({ token: "fake-token" });
  const failures: string[] = [];
  const check = (label: string, ok: boolean) => {
    if (!ok) failures.push(label);
    return ok ? "ok" : "MISSED";
  };
  try {
    console.log(
      `${QRS} pending live QRs, ${MERCHANTS} merchants, ${SECONDS} s per scenario, fake Bakong latency ${LATENCY_MS} ms, budget ${BUDGET}/min`,
    );
    const working = await runScenario({ name: "md5-list working", listEndpoint: "ok" }, fake);
    console.log(
      `md5-list working: ${working.calls} Bakong calls (${working.callsPerMinute!.toFixed(1)}/min) = ` +
        `${working.callsPerPendingQrMinute!.toFixed(3)} per pending-QR-minute (naive 20; target ≤ 0.5: ${check("calls", working.callsPerPendingQrMinute! <= 0.5)})`,
    );
    console.log(
      `  detection ${working.detected}/${working.payments}: p50 ${seconds(working.detectionP50!)} (≤ 3 s: ${check("detection p50", working.detectionP50! <= 3_000)}), ` +
        `p99 ${seconds(working.detectionP99!)} (≤ 6 s: ${check("detection p99", working.detectionP99! <= 6_000)})`,
    );
    console.log(
      `  push to the pay page: p50 ${seconds(working.pushP50!)} (≤ 1 s: ${check("push p50", working.pushP50! <= 1_000)}), p99 ${seconds(working.pushP99!)}`,
    );
    const refused = await runScenario({ name: "md5-list answering 403", listEndpoint: "forbidden" }, fake);
    console.log(
      // The budget is a bucket holding 5 s of calls: over any span, at most that plus the budget's rate.
      `md5-list answering 403: ${refused.calls} calls in ${(refused.elapsedMinutes! * 60).toFixed(0)} s = ${refused.callsPerMinute!.toFixed(1)}/min ` +
        `(budget ${BUDGET}/min: ${check("budget", refused.calls! <= BUDGET * refused.elapsedMinutes! + BUDGET / 12)}), ` +
        `young QRs detected p50 ${seconds(refused.youngDetectionP50!)} (≤ 6 s: ${check("young detection", refused.youngDetectionP50! <= 6_000)})`,
    );
  } finally {
    await fake.close();
  }
  if (failures.length > 0) {
    console.log(`missed: ${failures.join(", ")}`);
    process.exit(1);
  }
  process.exit(0);
}

await main();
