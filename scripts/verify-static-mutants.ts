import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Runs the mutants Stryker could not: those in code that runs while a module loads ("static"). StrykerJS
 * 9.6's vitest runner tests them in a worker whose modules were already loaded unmutated, or only against
 * the one test that happened to reach them, so a mutant the suite kills (an emptied `accountVersion`, say)
 * is reported as survived (stryker-js#6144, #6209). Here each such survivor is written into a copy of the
 * project and its own test file, then its folder's tests, run against it (testTargets), stopping at the first failure; a failure the same files do not
 * show without the mutant is a kill. Results go back into the report as Killed, or stay Survived.
 */

type Location = { start: { line: number; column: number }; end: { line: number; column: number } };
type Mutant = {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: Location;
  status: string;
  static?: boolean;
  statusReason?: string;
};
type Report = { files: Record<string, { source: string; mutants: Mutant[] }> };

/** What the project's tests need from the tree; node_modules is linked, not copied. */
const PROJECT_ENTRIES = [
  "app",
  "components",
  "lib",
  "tests",
  "i18n",
  "messages",
  "drizzle",
  "scripts",
  "public",
  "package.json",
  "tsconfig.json",
  "vitest.config.ts",
  "global.d.ts",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "drizzle.config.ts",
];

export const STATIC_KILL_REASON = "killed outside Stryker: the related test files failed with the mutant written into the source";

function offsetOf(source: string, { line, column }: { line: number; column: number }): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = source.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

/** The source with one mutant applied (Stryker's locations: 1-based lines and columns, end exclusive). */
export function applyMutant(source: string, mutant: Mutant): string {
  const start = offsetOf(source, mutant.location.start);
  const end = offsetOf(source, mutant.location.end);
  return `${source.slice(0, start)}${mutant.replacement ?? ""}${source.slice(end)}`;
}

function makeSandbox(root: string): string {
  const sandbox = path.join(root, ".stryker-tmp", `static-${process.pid}`);
  rmSync(sandbox, { recursive: true, force: true });
  mkdirSync(sandbox, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(sandbox, entry), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(sandbox, "node_modules"));
  return sandbox;
}

/** `vitest <args>` in the sandbox, stopping at the first failure: the test files that failed, or null when vitest wrote no report. */
function vitestFailures(sandbox: string, env: NodeJS.ProcessEnv, args: string[]): string[] | null {
  const output = path.join(sandbox, "vitest-result.json");
  rmSync(output, { force: true });
  spawnSync(
    path.join(sandbox, "node_modules/.bin/vitest"),
    [...args, "--bail=1", "--passWithNoTests", "--reporter=json", `--outputFile=${output}`],
    { cwd: sandbox, env, stdio: "ignore", timeout: 15 * 60_000 },
  );
  if (!existsSync(output)) return null;
  const result = JSON.parse(readFileSync(output, "utf8")) as { testResults: { name: string; status: string }[] };
  return result.testResults.filter((test) => test.status === "failed").map((test) => test.name);
}

/**
 * Where a mutant of `file` is tried, in order: the source's own test file when it has one
 * (`lib/payments/schemas.ts` → `tests/payments/schemas.test.ts`: seconds), then its folder's tests
 * (`tests/payments`). Only those: every file importing a module all code loads takes ~5 minutes a mutant here, so a
 * mutant these miss stays a survivor (the count can only be too low, never too high).
 */
export function testTargets(file: string): string[] {
  const folder = path.posix.join("tests", file.split("/")[1] ?? "");
  return [path.posix.join(folder, `${path.posix.basename(file, ".ts")}.test.ts`), folder];
}

/** The test files that fail with the mutant in place: those of the first target (testTargets) that has any. */
function failingTestFiles(sandbox: string, env: NodeJS.ProcessEnv, file: string): string[] {
  for (const target of testTargets(file)) {
    if (!existsSync(path.join(sandbox, target))) continue;
    const failing = vitestFailures(sandbox, env, ["run", target]) ?? [];
    if (failing.length > 0) return failing;
  }
  return [];
}

/**
 * Verifies every static mutant the report marks Survived, in the files `only` names (all when empty), and
 * rewrites the report with the kills. Files named in `only` have all their survivors checked: Stryker also misses
 * module-load code it attributes to the test that first imported the module (a table built at load, say). Returns how many were checked and killed.
 */
export function verifyStaticSurvivors(
  reportFile: string,
  env: NodeJS.ProcessEnv,
  { only = [], budgetMs = Number.POSITIVE_INFINITY }: { only?: string[]; budgetMs?: number } = {},
): { checked: number; killed: number } {
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  const work = Object.entries(report.files).flatMap(([file, result]) =>
    (only.length === 0 || only.includes(file)) && existsSync(file) && readFileSync(file, "utf8") === result.source
      ? result.mutants
          .filter((mutant) => mutant.status === "Survived" && (mutant.static || only.includes(file)))
          .map((mutant) => ({ file, mutant }))
      : [],
  );
  if (work.length === 0) return { checked: 0, killed: 0 };
  const root = process.cwd();
  const sandbox = makeSandbox(root);
  let killed = 0;
  let checked = 0;
  const deadline = Date.now() + budgetMs;
  try {
    for (const { file, mutant } of work) {
      if (Date.now() >= deadline) {
        console.log(`  out of time: ${work.length - checked} left as Stryker reported them`);
        break;
      }
      checked++;
      const target = path.join(sandbox, file);
      const original = readFileSync(target, "utf8");
      writeFileSync(target, applyMutant(original, mutant));
      const started = Date.now();
      const failing = failingTestFiles(sandbox, env, file);
      writeFileSync(target, original);
      // The control: the same test files pass without the mutant, so the failure is the mutant's.
      const isKill = failing.length > 0 && vitestFailures(sandbox, env, ["run", ...failing])?.length === 0;
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(
        `  ${file}:${mutant.location.start.line} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement)}: ${isKill ? `killed by ${failing.map((test) => path.relative(sandbox, test)).join(", ")}` : "survived"} (${seconds} s)`,
      );
      if (isKill) {
        mutant.status = "Killed";
        mutant.statusReason = STATIC_KILL_REASON;
        killed++;
        // Kept as it goes: an interrupted check loses nothing it measured.
        writeFileSync(reportFile, `${JSON.stringify(report, null, 1)}\n`);
      }
    }
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
  return { checked, killed };
}

// `npx tsx scripts/verify-static-mutants.ts [minutes] [file ...]`: checks the committed baseline's static survivors.
if (import.meta.url === `file://${process.argv[1]}`) {
  const minutes = Number(process.argv[2] ?? Number.POSITIVE_INFINITY);
  const only = process.argv.slice(3);
  const env = { ...process.env, REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", SHARED_DIR: path.resolve("../shared") };
  const { checked, killed } = verifyStaticSurvivors("reports/stryker-incremental.json", env, { only, budgetMs: minutes * 60_000 });
  console.log(`${killed} of ${checked} static survivors killed`);
}
