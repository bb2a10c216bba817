import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { printScores } from "./mutation-scores";
import { verifyStaticSurvivors } from "./verify-static-mutants";

/**
 * `npm run test:mutation [-- [config file] stryker options]`: Stryker over the money paths (stryker.config.mjs, or
 * another config file named first, e.g. stryker.unit.config.mjs) against the
 * real PostgreSQL and Redis, as CI runs the tests, then the score per folder. Incremental by default from
 * the committed baseline (reports/stryker-incremental.json); `-- --force` runs every mutant again.
 * `-- --changed` (CI) mutates only the measured money-path files whose source differs from the baseline's.
 * Every run merges its results into the baseline. Exits non-zero when Stryker fails or a part of this run
 * is below its target.
 */
// The server of DATABASE_URL when set (CI's run database), else the local one; a throw-away database is made on it.
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = `khqr_mutation_${Date.now()}_${process.pid}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type StrykerConfig = { mutate: string[]; incrementalFile: string };
type Baseline = { files: Record<string, { source: string }>; testFiles?: Record<string, unknown> };

/**
 * Files the config mutates (folder globs `lib/<area>/**\/*.ts`, file names, `!` exclusions) that the baseline measured and whose source
 * has changed since. Files it never measured are listed and left to a local run: they could be hours of mutants.
 */
function changedSinceBaseline(config: StrykerConfig): string[] {
  const baseline = existsSync(config.incrementalFile)
    ? (JSON.parse(readFileSync(config.incrementalFile, "utf8")) as Baseline)
    : { files: {} };
  const excluded = new Set(config.mutate.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1)));
  const files = config.mutate
    .filter((glob) => !glob.startsWith("!"))
    .flatMap((glob) => {
      if (!glob.includes("*")) return existsSync(glob) ? [glob] : [];
      const folder = glob.replace(/\/\*\*\/\*\.ts$/, "");
      return existsSync(folder)
        ? readdirSync(folder, { recursive: true, encoding: "utf8" })
            .filter((name) => name.endsWith(".ts"))
            .map((name) => path.posix.join(folder, name.split(path.sep).join("/")))
        : [];
    })
    .filter((file) => !excluded.has(file));
  const unmeasured = files.filter((file) => !baseline.files[file]);
  if (unmeasured.length > 0) {
    const perFolder = new Map<string, number>();
    for (const file of unmeasured) perFolder.set(path.posix.dirname(file), (perFolder.get(path.posix.dirname(file)) ?? 0) + 1);
    const list = [...perFolder]
      .sort()
      .map(([folder, count]) => `${folder} (${count})`)
      .join(", ");
    console.log(`Files not in the mutation baseline, not checked here (measure them with npm run test:mutation): ${list}`);
  }
  return files.filter((file) => baseline.files[file] && baseline.files[file].source !== readFileSync(file, "utf8")).sort();
}

function runStryker(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/stryker"), ["run", ...args], { stdio: "inherit", env });
    // Ctrl-C or CI's timeout: let Stryker restore and clean up, then drop the database below.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** What a file's entry says: its source and each mutant's place and status (Stryker rewrites the rest freely). */
function resultsOf(entry: unknown): string {
  const { source, mutants = [] } = (entry ?? {}) as {
    source?: string;
    mutants?: { location: unknown; mutatorName: string; status: string }[];
  };
  return JSON.stringify([source, mutants.map(({ location, mutatorName, status }) => [location, mutatorName, status])]);
}

/**
 * Stryker writes its incremental file with every file of the report it started from, reformatted. Only the files
 * whose results this run changed (the files it mutated, the static check's kills) are taken, so runs of other
 * folders that finished meanwhile keep theirs; files that no longer exist are dropped.
 */
function mergeIntoBaseline(baselineFile: string, runFile: string, startedFrom: Baseline | null): void {
  const run = JSON.parse(readFileSync(runFile, "utf8")) as Baseline;
  const baseline = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, "utf8")) as Baseline) : run;
  const keep = <T>(entries: Record<string, T> | undefined) =>
    Object.fromEntries(Object.entries(entries ?? {}).filter(([file]) => existsSync(file)));
  const changedFiles = Object.entries(run.files).filter(([file, entry]) => resultsOf(entry) !== resultsOf(startedFrom?.files[file]));
  const changedTests = Object.entries(run.testFiles ?? {}).filter(
    ([file, entry]) => JSON.stringify(entry) !== JSON.stringify(startedFrom?.testFiles?.[file]),
  );
  const merged = {
    ...run,
    files: { ...keep(baseline.files), ...Object.fromEntries(changedFiles) },
    testFiles: { ...keep(baseline.testFiles), ...Object.fromEntries(changedTests) },
  };
  writeFileSync(baselineFile, `${JSON.stringify(merged, null, 1)}\n`);
}

async function main(): Promise<number> {
  const configFile = process.argv[2]?.endsWith(".mjs") ? process.argv[2] : "stryker.config.mjs";
  const { default: config } = (await import(pathToFileURL(path.resolve(configFile)).href)) as { default: StrykerConfig };
  // --warn-only: report parts below target without failing (CI, until the baseline meets every target).
  const warnOnly = process.argv.includes("--warn-only");
  // --static-minutes N: how long the static-survivor check after Stryker may take (unbounded by default).
  let args = process.argv.slice(2).filter((arg) => arg !== "--warn-only" && arg !== configFile);
  let staticMinutes = Number.POSITIVE_INFINITY;
  const staticFlag = args.indexOf("--static-minutes");
  if (staticFlag !== -1) {
    staticMinutes = Number(args[staticFlag + 1]);
    args = args.filter((_, index) => index !== staticFlag && index !== staticFlag + 1);
  }
  if (args.includes("--changed")) {
    const changed = changedSinceBaseline(config);
    if (changed.length === 0) {
      console.log(`No measured money-path file differs from the mutation baseline (${config.incrementalFile}): nothing to mutate.`);
      return 0;
    }
    console.log(`Money-path files changed since the mutation baseline:\n  ${changed.join("\n  ")}`);
    args = [...args.filter((arg) => arg !== "--changed"), "--mutate", changed.join(",")];
  }
  // Stryker reads and rewrites this copy; the baseline gets this run's results merged in afterwards.
  const scratch = path.join(tmpdir(), `stryker-incremental-${process.pid}.json`);
  const startedFrom = existsSync(config.incrementalFile) ? (JSON.parse(readFileSync(config.incrementalFile, "utf8")) as Baseline) : null;
  if (startedFrom) copyFileSync(config.incrementalFile, scratch);

  await admin(`create database ${database}`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  let code: number;
  const testEnv = {
    ...process.env,
    // Each test file then makes its own database on this server (tests/setup/database.ts).
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    // The tests run from a copy of the project in .stryker-tmp/, where ../shared is not beside them.
    SHARED_DIR: process.env.SHARED_DIR ?? path.resolve("../shared"),
  };
  try {
    code = await runStryker([configFile, ...args, "--incrementalFile", scratch], testEnv);
    if (code === 0) {
      console.log("\nStatic mutants Stryker reported as survived, run against their folder's tests (scripts/verify-static-mutants.ts):");
      const { checked, killed } = verifyStaticSurvivors(scratch, testEnv, { budgetMs: staticMinutes * 60_000 });
      console.log(`  ${killed} of ${checked} killed`);
    }
  } finally {
    await admin(`drop database if exists ${database} with (force)`);
  }
  if (code !== 0) return code;
  mergeIntoBaseline(config.incrementalFile, scratch, startedFrom);
  console.log("\nThis run:");
  const missedNow = printScores(scratch);
  console.log(`\nEverything measured so far (${config.incrementalFile}):`);
  printScores(config.incrementalFile);
  if (missedNow.length > 0 && warnOnly)
    console.log(`\nBelow target: ${missedNow.map((part) => part.name).join(", ")} (--warn-only: not failing).`);
  return missedNow.length === 0 || warnOnly ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
