import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { startFakeBakong } from "../tests/fakes/fake-bakong-server";
import { insertPendingTransactions } from "../tests/payments/pending-transactions";
import { runLoad, type LoadResult } from "./load";
import { createScratchDatabase, ensureProductionBuild, residentMiB, startProductionServer } from "./production-server";

/**
 * `npm run bench:dashboard`: the dashboard at a million payments per merchant. A throw-away database is
 * seeded with generate_series: one merchant with BENCH_ROWS (1,000,000) live QRs over 180 days and ten
 * with a tenth of that each, 1–3 events per QR, most old QRs expired. Against the production build
 * (built first; SKIP_BUILD=1 reuses an existing one) it prints, each against its target:
 * - the median response time of every dashboard page and filter (≤ 50 ms), signed in as the big merchant;
 * - the transactions CSV export in rows per second (≥ 150,000) and the server's peak RSS while it streams;
 * - POST /api/v1/qr p50/p95 without and with the dashboard indexes (their write cost, informational);
 * - the poller draining 10,000 due live QRs against the fake Bakong (≤ 3 s).
 * Exits 1 when a target is missed. BENCH_ROWS=100000 is the quick mode.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const OTHER_MERCHANTS = 10;
const PAGE_TARGET_MS = 50;
const CSV_TARGET_ROWS_PER_SECOND = 150_000;
const DRAIN_ROWS = 10_000;
const DRAIN_TARGET_MS = 3_000;
const PAGE_RUNS = 9;
const PASSWORD = "bench-password-123";
/** The indexes this benchmark is about: dropped for the "without" /qr measurement, then built. */
const DASHBOARD_INDEXES = ["transactions_user_status_idx", "transactions_paid_idx", "transactions_bill_number_idx"];

type Merchant = { index: number; userId: string; email: string; liveKey: string };

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(", ");

/** CPU seconds (user + system) a process has used, from /proc: how much of the machine it needed, whatever else runs. */
function processCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `count` live QRs of one merchant, newest `now`, oldest 180 days back, and their events, in a few statements. */
async function seedMerchant(sql: pg.Client, merchant: Merchant, count: number): Promise<void> {
  const m = merchant.index;
  await sql.query(
    `insert into transactions (id, user_id, mode, order_id, md5, public_id, qr, is_static, amount, currency, bill_number,
       to_account_id, request_fingerprint, status, expires_at, paid_at, created_at, last_answer_at)
     select gen_random_uuid(), $1, 'live',
       case when i % 10 < 7 then 'ord-${m}-' || i end,
       md5('${m}-' || i),
       md5('public-${m}-' || i) || md5('id-${m}-' || i),
       '00020101021230510016A000000677010111011300669' || md5('qr-${m}-' || i) || '5303840540' || (i % 90 + 10) || '5802KH6304ABCD',
       static, case when static then null when khr then ((i * 7919) % 400 + 1) * 100 else ((i * 7919) % 10000 + 100) / 100.0 end,
       case when khr then 'KHR' else 'USD' end,
       case when i % 2 = 0 then 'INV-${m}-' || i end,
       'bench@aclb', 'bench', status,
       case when not static then created + interval '15 minutes' end,
       case when status = 'paid' then created + make_interval(secs => i % 115 + 5) end,
       created,
       case when status <> 'static' and status <> 'pending' then created + interval '15 minutes' end
     from (
       select i, created, static, khr,
         case when static then 'static'
              when created > now() - interval '15 minutes' then 'pending'
              when (i::bigint * 2654435761) % 100 < 62 then 'paid'
              else 'expired' end as status
       from (
         select i, now() - (i - 1) * (interval '180 days' / $2::int) as created, i % 997 = 0 as static, i % 5 = 0 as khr
         from generate_series(1, $2::bigint) as i
       ) as shaped
     ) as rows`,
    [merchant.userId, count],
  );
  await sql.query(
    `insert into transaction_events (id, transaction_id, kind, detail, created_at)
     select gen_random_uuid(), id, 'created', null, created_at from transactions where user_id = $1
     union all
     select gen_random_uuid(), id, 'paid', jsonb_build_object('hash', md5, 'paid_at', paid_at), paid_at
       from transactions where user_id = $1 and status = 'paid'
     union all
     select gen_random_uuid(), id, 'expired', null, expires_at from transactions where user_id = $1 and status = 'expired'`,
    [merchant.userId],
  );
}

/**
 * Seeds every merchant with the secondary indexes of transactions and transaction_events dropped (built
 * once afterwards, much faster than row by row), leaving out DASHBOARD_INDEXES; returns their definitions.
 */
async function seed(sql: pg.Client, merchants: Merchant[]): Promise<string[]> {
  const { rows: indexes } = await sql.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where tablename in ('transactions', 'transaction_events') and indexname not like '%_pkey'`,
  );
  for (const index of indexes) await sql.query(`drop index ${index.name}`);
  await sql.query("set session_replication_role = replica");
  for (const merchant of merchants) {
    const started = performance.now();
    const count = merchant.index === 0 ? ROWS : ROWS / OTHER_MERCHANTS;
    await seedMerchant(sql, merchant, count);
    console.log(`  seeded merchant ${merchant.index}: ${count} QRs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await sql.query("set session_replication_role = origin");
  await sql.query("set maintenance_work_mem = '256MB'");
  for (const index of indexes) if (!DASHBOARD_INDEXES.includes(index.name)) await sql.query(index.definition);
  await sql.query("vacuum analyze transactions, transaction_events, users");
  return indexes.filter((index) => DASHBOARD_INDEXES.includes(index.name)).map((index) => index.definition);
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return session.split(";")[0]!;
}

/** Median full-response time of a page (PAGE_RUNS after two warm-ups); a non-200 answer fails the run. */
async function timePage(baseUrl: string, cookie: string, path: string): Promise<number> {
  const times: number[] = [];
  for (let run = -2; run < PAGE_RUNS; run++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (run >= 0) times.push(performance.now() - started);
  }
  return median(times);
}

/** The whole CSV export of the big merchant: rows per second, and the server's RSS before and at its peak. */
async function timeCsv(
  baseUrl: string,
  cookie: string,
  serverPid: number,
): Promise<{ rows: number; rowsPerSecond: number; rowsPerServerCpuSecond: number; rssBefore: number; rssPeak: number }> {
  const cpuBefore = processCpuSeconds(serverPid);
  const rssBefore = residentMiB(serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMiB(serverPid))), 100);
  const started = performance.now();
  // curl, as a browser would, takes gzip (the server compresses) and decodes it in C: a browser runs on
  // another machine, this client shares the server's two cores, so its decoding should cost them little.
  const curl = spawn("curl", [
    "--silent",
    "--show-error",
    "--fail",
    "--compressed",
    "--header",
    `cookie: ${cookie}`,
    `${baseUrl}/dashboard/transactions/export?mode=live`,
  ]);
  let newlines = 0;
  for await (const chunk of curl.stdout as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) newlines++;
  }
  const exitCode = await new Promise<number | null>((resolve) =>
    curl.exitCode !== null ? resolve(curl.exitCode) : curl.on("close", resolve),
  );
  if (exitCode !== 0) throw new Error(`the CSV export failed: curl exited with ${exitCode}`);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rows = newlines - 1;
  return {
    rows,
    rowsPerSecond: rows / seconds,
    rowsPerServerCpuSecond: rows / (processCpuSeconds(serverPid) - cpuBefore),
    rssBefore,
    rssPeak,
  };
}

async function timeQr(port: number, merchant: Merchant, label: string): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${merchant.liveKey}`, "content-type": "application/json" };
  const request = (i: number) => ({
    method: "POST",
    path: "/api/v1/qr",
    headers,
    body: JSON.stringify({ amount: 5.25, bill_number: `Q-${label}-${i}`, order_id: `bench-${label}-${process.pid}-${i}` }),
  });
  await runLoad({ port, concurrency: 4, seconds: 2, request: (i) => request(1_000_000 + i), expectStatus: 200 });
  return runLoad({ port, concurrency: 4, seconds: 8, request, expectStatus: 200 });
}

/** Cursor of the page `pageNumber` (1-based) of the big merchant's live list, as the page's own links carry it. */
async function cursorOfPage(sql: pg.Client, userId: string, pageNumber: number): Promise<string> {
  const { rows } = await sql.query<{ time: string; id: string }>(
    `select created_at::text as time, id from transactions where user_id = $1 and mode = 'live'
     order by created_at desc, id desc offset $2 limit 1`,
    [userId, (pageNumber - 1) * 25 - 1],
  );
  return Buffer.from(JSON.stringify([rows[0]!.time, rows[0]!.id])).toString("base64url");
}

async function main() {
  ensureProductionBuild({ build: true });
  const fake = await startFakeBakong();
  const database = await createScratchDatabase("khqr_bench_dashboard");
  process.env.DATABASE_URL = database.url;
  process.env.LOG_SILENT = "true";
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = "fake-token";
  process.env.BAKONG_MAX_CALLS_PER_MINUTE = "1000000";
  const sql = new pg.Client({ connectionString: database.url });
  const failures: string[] = [];
  const verdict = (label: string, ok: boolean) => {
    if (!ok) failures.push(label);
    return ok ? "ok" : "MISSED";
  };
  const { closeDb } = await import("@/lib/db");
  let server: Awaited<ReturnType<typeof startProductionServer>> | null = null;
  try {
    const { signUp } = await import("@/lib/auth");
    const { saveMerchantProfile } = await import("@/lib/merchants");
    const { setPlan } = await import("@/lib/accounts");
    const merchants: Merchant[] = [];
    for (let index = 0; index <= OTHER_MERCHANTS; index++) {
      const email = `dashboard-bench-${Date.now()}-${index}@example.com`;
      const account = await signUp(email, PASSWORD);
      await saveMerchantProfile(account.userId, { bakongAccountId: "bench@aclb", merchantName: "Bench Shop", currency: "USD" });
      await setPlan(email, "business");
      merchants.push({ index, userId: account.userId, email, liveKey: account.liveKey.key });
    }
    const big = merchants[0]!;
    await sql.connect();
    console.log(`Seeding ${ROWS} QRs for one merchant and ${OTHER_MERCHANTS} × ${ROWS / OTHER_MERCHANTS} for the others…`);
    const dashboardIndexes = await seed(sql, merchants);
    const counts = await sql.query<{ status: string; n: string }>(
      "select status, count(*) as n from transactions where user_id = $1 group by status order by status",
      [big.userId],
    );
    const events = await sql.query<{ n: string }>("select count(*) as n from transaction_events");
    console.log(`  big merchant: ${counts.rows.map((row) => `${row.status} ${row.n}`).join(", ")}; events in all: ${events.rows[0]!.n}`);

    server = await startProductionServer(database.url, { RATE_LIMITS: "off", BACKGROUND_JOBS: "off", LOG_SILENT: "true" });
    // The seed wrote gigabytes: flushed now, not by a checkpoint in the middle of the first measurement.
    await sql.query("checkpoint");
    const qrWithout = await timeQr(server.port, big, "without");
    for (const definition of dashboardIndexes) await sql.query(definition);
    await sql.query("analyze transactions");
    await sql.query("checkpoint");
    const qrWith = await timeQr(server.port, big, "with");

    const cookie = await signIn(server.url, big.email);
    const { rows: sample } = await sql.query<{ id: string; order_id: string; md5: string; bill_number: string }>(
      `select id, order_id, md5, bill_number from transactions
       where user_id = $1 and order_id is not null and bill_number is not null and status = 'paid'
       order by created_at desc offset $2 limit 1`,
      [big.userId, Math.floor(ROWS / 10)],
    );
    const known = sample[0]!;
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const pages: [string, string][] = [
      ["overview", "/dashboard?mode=live"],
      ["list", "/dashboard/transactions?mode=live"],
      ["status=paid", "/dashboard/transactions?mode=live&status=paid"],
      ["status=expired", "/dashboard/transactions?mode=live&status=expired"],
      ["status=pending (rare)", "/dashboard/transactions?mode=live&status=pending"],
      ["status=static (rare)", "/dashboard/transactions?mode=live&status=static"],
      ["currency=KHR", "/dashboard/transactions?mode=live&currency=KHR"],
      ["date range (a week, 90 days ago)", `/dashboard/transactions?mode=live&from=${day(97)}&to=${day(90)}`],
      ["date range + status=pending", `/dashboard/transactions?mode=live&from=${day(97)}&to=${day(90)}&status=pending`],
      ["search hit: order_id", `/dashboard/transactions?mode=live&q=${encodeURIComponent(known.order_id)}`],
      ["search hit: order_id prefix", `/dashboard/transactions?mode=live&q=${encodeURIComponent(known.order_id.slice(0, -2))}`],
      ["search hit: bill_number", `/dashboard/transactions?mode=live&q=${encodeURIComponent(known.bill_number)}`],
      ["search hit: md5 prefix", `/dashboard/transactions?mode=live&q=${known.md5.slice(0, 8)}`],
      ["search miss", "/dashboard/transactions?mode=live&q=no-such-order"],
      ["search miss + status=paid", "/dashboard/transactions?mode=live&status=paid&q=no-such-order"],
      ["page 50", `/dashboard/transactions?mode=live&after=${await cursorOfPage(sql, big.userId, 50)}`],
      ["detail", `/dashboard/transactions/${known.id}`],
      ["test mode (empty)", "/dashboard/transactions?mode=test"],
    ];
    console.log(`\nload average ${loadAverage()} (2 cores shared with other work: timings scale with it)`);
    console.log(`\nDashboard, median of ${PAGE_RUNS} full responses (target ≤ ${PAGE_TARGET_MS} ms), ${ROWS} rows for this merchant:`);
    for (const [name, path] of pages) {
      const ms = await timePage(server.url, cookie, path);
      console.log(`  ${name.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms  ${verdict(name, ms <= PAGE_TARGET_MS)}`);
    }

    const csv = await timeCsv(server.url, cookie, server.serverPid()!);
    console.log(
      `\nCSV export: ${csv.rows} rows at ${Math.round(csv.rowsPerSecond)} rows/s (target ≥ ${CSV_TARGET_ROWS_PER_SECOND}: ${verdict("csv", csv.rowsPerSecond >= CSV_TARGET_ROWS_PER_SECOND && csv.rows >= ROWS)}), ` +
        `server RSS ${csv.rssBefore.toFixed(0)} MiB before, ${csv.rssPeak.toFixed(0)} MiB at its peak; ` +
        `${Math.round(csv.rowsPerServerCpuSecond)} rows per CPU second of the server process`,
    );

    const show = (result: LoadResult) =>
      `p50 ${percentile(result.latencies, 50).toFixed(2)} ms, p95 ${percentile(result.latencies, 95).toFixed(2)} ms, ${result.rps.toFixed(0)} req/s`;
    console.log(`\nPOST /api/v1/qr (concurrency 4, 8 s) without the dashboard indexes: ${show(qrWithout)}`);
    console.log(`POST /api/v1/qr with them (${DASHBOARD_INDEXES.join(", ")}): ${show(qrWith)}`);
    if (qrWithout.errors + qrWith.errors > 0) failures.push("/qr errors");

    await server.stop();
    server = null;
    const { pollDueTransactions } = await import("@/lib/payments");
    // Only the drain's QRs are due: the ones /qr just created are taken out of the schedule.
    await sql.query("update transactions set next_check_at = null where next_check_at is not null");
    const drainMerchant = merchants[1]!;
    await insertPendingTransactions({
      userId: drainMerchant.userId,
      mode: "live",
      count: DRAIN_ROWS,
      createdAt: new Date(Date.now() - 60_000),
    });
    await sql.query("analyze transactions");
    const now = new Date();
    const started = performance.now();
    let drained = 0;
    let passes = 0;
    for (;;) {
      const summary = await pollDueTransactions({ now });
      passes++;
      drained += summary.claimed;
      if (summary.claimed === 0) break;
    }
    const drainMs = performance.now() - started;
    const listCalls = fake.requests.filter((request) => request.path === "/v1/check_transaction_by_md5_list").length;
    console.log(
      `\nPoller drain: ${drained} due live QRs in ${drainMs.toFixed(0)} ms (${passes} passes, ${listCalls} md5-list calls to the fake Bakong; ` +
        `target ≤ ${DRAIN_TARGET_MS} ms: ${verdict("drain", drained === DRAIN_ROWS && drainMs <= DRAIN_TARGET_MS)})`,
    );
  } finally {
    await server?.stop();
    await closeDb();
    await sql.end().catch(() => {});
    await fake.close();
    if (process.env.BENCH_KEEP_DB === "1") console.log(`kept database ${database.url}`);
    else await database.drop();
  }
  console.log(`load average ${loadAverage()}`);
  console.log(failures.length === 0 ? "\nall targets met" : `\nmissed: ${failures.join(", ")}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

await main();
