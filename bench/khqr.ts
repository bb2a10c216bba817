import { BakongKHQR, IndividualInfo, khqrData } from "bakong-khqr";
import { encodeKhqr } from "@/lib/khqr";

/**
 * `npm run bench:khqr`: encode + md5 operations per second, ours against the official SDK's
 * generateIndividual (which returns the md5 too), same input, same run. Target: ours ≥ 5× the SDK.
 *
 * Each operation builds its input from scratch, as a server does for every new QR. Time is process
 * CPU time, and each implementation's rate is the median over alternating rounds, so other processes
 * on a busy machine move both numbers rather than the ratio.
 */
const TARGET_RATIO = 5;
const WARM_UP_MS = 500;
const ROUNDS = 10;
const ROUND_MS = 200;
const BATCH = 200;
const EXPIRES_IN_MS = 60 * 60 * 1000;

// A realistic dynamic QR: an individual account charging $12.50 against a bill number.
const ACCOUNT_ID = "coffee_shop@aclb";
const MERCHANT_NAME = "Coffee Shop";
const MERCHANT_CITY = "Phnom Penh";
const AMOUNT = 12.5;
const BILL_NUMBER = "INV-2025-000142";
const expiresAtMs = Date.now() + EXPIRES_IN_MS;

function encodeOurs(): { qr: string; md5: string } {
  return encodeKhqr({
    type: "individual",
    bakongAccountId: ACCOUNT_ID,
    merchantName: MERCHANT_NAME,
    merchantCity: MERCHANT_CITY,
    currency: "USD",
    amount: AMOUNT,
    billNumber: BILL_NUMBER,
    expiresAtMs,
  });
}

function encodeOfficial(): { qr: string; md5: string } {
  const info = new IndividualInfo(ACCOUNT_ID, MERCHANT_NAME, MERCHANT_CITY, {
    currency: khqrData.currency.usd,
    amount: AMOUNT,
    billNumber: BILL_NUMBER,
    expirationTimestamp: expiresAtMs,
  });
  const result = new BakongKHQR().generateIndividual(info).data;
  if (!result) throw new Error("the SDK rejected the benchmark input");
  return result;
}

/** Both must produce the same string under the same clock, or the comparison means nothing. */
function assertSameOutput(): void {
  const realNow = Date.now;
  const frozen = realNow();
  Date.now = () => frozen;
  try {
    const ours = encodeOurs();
    const official = encodeOfficial();
    if (ours.qr !== official.qr || ours.md5 !== official.md5) throw new Error(`outputs differ:\n ours ${ours.qr}\n SDK  ${official.qr}`);
  } finally {
    Date.now = realNow;
  }
}

let sink = 0;

function cpuMs(since?: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** Operations per CPU second over about `durationMs` of CPU time. */
function rate(operation: () => { md5: string }, durationMs: number): number {
  let operations = 0;
  const start = process.cpuUsage();
  let elapsedMs = 0;
  while (elapsedMs < durationMs) {
    for (let index = 0; index < BATCH; index++) sink += operation().md5.charCodeAt(index & 31);
    operations += BATCH;
    elapsedMs = cpuMs(start);
  }
  return (operations / elapsedMs) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const formatRate = (value: number) => Math.round(value).toLocaleString("en-US");

assertSameOutput();
rate(encodeOurs, WARM_UP_MS);
rate(encodeOfficial, WARM_UP_MS);

const oursRates: number[] = [];
const officialRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternating which goes first spreads any drift (GC, CPU frequency) over both.
  if (round % 2 === 0) {
    oursRates.push(rate(encodeOurs, ROUND_MS));
    officialRates.push(rate(encodeOfficial, ROUND_MS));
  } else {
    officialRates.push(rate(encodeOfficial, ROUND_MS));
    oursRates.push(rate(encodeOurs, ROUND_MS));
  }
}

const ours = median(oursRates);
const official = median(officialRates);
const ratio = ours / official;
console.log(
  `ours ${formatRate(ours)} ops/s · official SDK ${formatRate(official)} ops/s · ratio ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x)`,
);
// Output that depends on every md5 read keeps the engine from optimising the work away.
if (sink === 0) console.log("(no work was observed)");
if (ratio < TARGET_RATIO) process.exitCode = 1;
