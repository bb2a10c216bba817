import { cpuPerRequest, sampleCpu, type CpuSample } from "./cpu";
import { combine, runLoad, type LoadResult } from "./load";
import { createScratchDatabase, ensureProductionBuild, startProductionServer } from "./production-server";

/**
 * `npm run bench:api`: the production build on PostgreSQL, POST /api/v1/qr (a new order each time)
 * against the app's cheapest route, in one run. Target: /qr throughput ≥ 60% of the empty route's.
 * Background polling is off in the measured server (BENCH_BACKGROUND_JOBS=on to include it): otherwise it
 * keeps checking every QR the benchmark just created, and that work would be billed to /qr.
 * Knobs: BENCH_CONCURRENCY (16), BENCH_ROUNDS (3), BENCH_SECONDS per route per round (5), BENCH_MERCHANTS (16).
 * It reuses an existing `.next` build: run `npm run build` first after changing code.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 16);

const zeroCpu = (): CpuSample => ({ server: 0, postgres: 0, loadGenerator: 0 });

function show(name: string, result: LoadResult): string {
  return `${name.padEnd(34)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   (${result.requests} requests, ${result.errors} errors)`;
}

async function main() {
  ensureProductionBuild();
  const database = await createScratchDatabase("khqr_bench");
  const server = await startProductionServer(database.url, {
    RATE_LIMITS: "off",
    BACKGROUND_JOBS: process.env.BENCH_BACKGROUND_JOBS ?? "off",
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const { port } = server;
  const serverGroup = server.process.pid!;
  try {
    process.env.DATABASE_URL = database.url;
    const { signUp } = await import("@/lib/auth");
    const { saveMerchantProfile } = await import("@/lib/merchants");
    const { closeDb } = await import("@/lib/db");
    const { setPlan } = await import("@/lib/accounts");
    // One merchant's QRs queue on that merchant's daily-quota counter row, so a single merchant and a
    // platform of many merchants are measured separately.
    const merchants: Record<string, string>[] = [];
    for (let m = 0; m < MERCHANTS; m++) {
      const email = `bench-${Date.now()}-${m}@example.com`;
      const account = await signUp(email, "bench-password-123");
      await saveMerchantProfile(account.userId, {
        bakongAccountId: "bench@aclb",
        merchantName: "Bench Shop",
        merchantCity: "Phnom Penh",
        currency: "USD",
      });
      await setPlan(email, "business");
      merchants.push({ authorization: `Bearer ${account.testKey.key}`, "content-type": "application/json" });
    }
    await closeDb();

    const empty = (i: number) => ({ method: "GET", path: `/api/ping?i=${i}`, headers: {} });
    const qr = (pool: number) => (i: number) => ({
      method: "POST",
      path: "/api/v1/qr",
      headers: merchants[i % pool]!,
      body: JSON.stringify({ amount: 5.25, bill_number: `INV-${i}`, order_id: `bench-${process.pid}-${pool}-${i}` }),
    });

    await runLoad({ port, concurrency: CONCURRENCY, seconds: 3, request: empty, expectStatus: 200 });
    await runLoad({ port, concurrency: CONCURRENCY, seconds: 3, request: (i) => qr(MERCHANTS)(1_000_000 + i), expectStatus: 200 });
    // Interleaved rounds: a machine that speeds up or slows down during the run affects every route alike.
    const routes = { empty, qr: qr(MERCHANTS), oneMerchant: qr(1) };
    type Route = keyof typeof routes;
    const rounds: Record<Route, LoadResult[]> = { empty: [], qr: [], oneMerchant: [] };
    const cpu: Record<Route, CpuSample> = { empty: zeroCpu(), qr: zeroCpu(), oneMerchant: zeroCpu() };
    for (let round = 0; round < ROUNDS; round++) {
      const offset = (round + 1) * 10_000_000;
      for (const route of Object.keys(routes) as Route[]) {
        const before = sampleCpu(serverGroup);
        const result = await runLoad({
          port,
          concurrency: CONCURRENCY,
          seconds: SECONDS,
          request: (i) => routes[route](offset + i),
          expectStatus: 200,
        });
        const used = cpuPerRequest(before, sampleCpu(serverGroup), 1);
        rounds[route].push(result);
        for (const key of Object.keys(used) as (keyof CpuSample)[]) cpu[route][key] += used[key];
      }
    }
    const [emptyResult, qrResult, oneMerchant] = [combine(rounds.empty), combine(rounds.qr), combine(rounds.oneMerchant)];
    const cpuLine = (route: Route, result: LoadResult) => {
      const per = cpuPerRequest(zeroCpu(), cpu[route], result.requests);
      return `${"".padEnd(34)} CPU per request: app server ${per.server.toFixed(2)} ms, PostgreSQL ${per.postgres.toFixed(2)} ms, load generator ${per.loadGenerator.toFixed(2)} ms`;
    };
    const ratio = qrResult.rps / emptyResult.rps;
    console.log(`concurrency ${CONCURRENCY}, ${ROUNDS} interleaved rounds of ${SECONDS} s per route, production build, PostgreSQL`);
    console.log(show("GET /api/ping", emptyResult));
    console.log(cpuLine("empty", emptyResult));
    console.log(show(`POST /api/v1/qr (${MERCHANTS} merchants)`, qrResult));
    console.log(cpuLine("qr", qrResult));
    console.log(show("POST /api/v1/qr (1 merchant)", oneMerchant));
    console.log(cpuLine("oneMerchant", oneMerchant));
    console.log(
      `ratio /qr ÷ empty route: ${(ratio * 100).toFixed(1)}% across ${MERCHANTS} merchants, ${((oneMerchant.rps / emptyResult.rps) * 100).toFixed(1)}% for one merchant (target ≥ 60%)`,
    );
    if (qrResult.errors > 0 || oneMerchant.errors > 0 || ratio < 0.6) process.exitCode = 1;
  } finally {
    await server.stop();
    await database.drop();
  }
}

await main();
