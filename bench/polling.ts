import pg from "pg";
import { startFakeBakong } from "../tests/fakes/fake-bakong-server";
import { insertPendingTransactions } from "../tests/payments/pending-transactions";

/**
 * `npm run bench:polling`: 1,000 pending live QRs on PostgreSQL, polled against the fake Bakong server for one
 * simulated minute (the clock is injected; the poller ticks every simulated second, as the in-process
 * scheduler does). Prints the Bakong calls made per minute against one call per transaction per check cycle.
 * Target: ≤ 1/50 of that. Runs in a scratch database that is dropped afterwards.
 */
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 1_000);
const SIMULATED_SECONDS = 60;
const TARGET_RATIO = 1 / 50;

async function main() {
  const database = `khqr_bench_polling_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  process.env.LOG_SILENT = "true";
  const fake = await startFakeBakong();
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = "fake-token";

  const { closeDb } = await import("@/lib/db");
  try {
    const { signUp } = await import("@/lib/auth");
    const { pollDueTransactions } = await import("@/lib/payments");
    const { userId } = await signUp(`bench-${Date.now()}@example.com`, "bench password 123");
    const t0 = new Date(Date.now() - SIMULATED_SECONDS * 1000);
    await insertPendingTransactions({ userId, mode: "live", count: TRANSACTIONS, createdAt: t0 });

    let checks = 0;
    const passMs: number[] = [];
    for (let second = 1; second <= SIMULATED_SECONDS; second++) {
      const started = performance.now();
      const summary = await pollDueTransactions({ now: new Date(t0.getTime() + second * 1000), limit: 5_000 });
      if (summary.claimed > 0) passMs.push(performance.now() - started);
      checks += summary.claimed;
    }

    const listCalls = fake.requests.filter((r) => r.path === "/v1/check_transaction_by_md5_list").length;
    const singleCalls = fake.requests.filter((r) => r.path === "/v1/check_transaction_by_md5").length;
    const calls = listCalls + singleCalls;
    const ratio = calls / checks;
    passMs.sort((a, b) => a - b);
    console.log(`pending live transactions      ${TRANSACTIONS}`);
    console.log(`simulated time                 ${SIMULATED_SECONDS} s (poller ticking every second)`);
    console.log(`checks made (tx × cycles)      ${checks}  → one call each would be ${checks} Bakong calls/min`);
    console.log(`Bakong calls made              ${calls}/min  (${listCalls} md5-list, ${singleCalls} single)`);
    console.log(`ratio                          ${ratio.toFixed(4)} = 1/${(1 / ratio).toFixed(1)}  (target ≤ 1/${1 / TARGET_RATIO})`);
    console.log(
      `wall time per polling pass     p50 ${passMs[Math.floor(passMs.length / 2)]?.toFixed(0)} ms, max ${passMs[passMs.length - 1]?.toFixed(0)} ms (${passMs.length} passes)`,
    );
    if (ratio > TARGET_RATIO + 1e-9) {
      console.error("FAIL: above target");
      process.exitCode = 1;
    }
  } finally {
    await closeDb();
    await fake.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
