import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads Stryker's JSON report and prints the mutation score per lib/ folder and for the three parts
 * where a survivor costs the most, against the targets of issue 17. `npm run test:mutation` calls it
 * after Stryker; `npx tsx scripts/mutation-scores.ts [report.json]` prints it again.
 */
export const REPORT_FILE = "reports/mutation/mutation.json";

type MutantStatus = "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";
type Report = { files: Record<string, { mutants: { status: MutantStatus }[] }> };

/** Every folder of these is held to 90 %. */
const FOLDER_TARGET = 90;
/** Where a surviving mutant is a double payment, a forged webhook or a stolen key: 97 %. Matched by path, so renames inside a folder keep their target. */
const CRITICAL: { name: string; files: RegExp; target: number }[] = [
  { name: "payments/settle", files: /^lib\/payments\/settle\.ts$/, target: 97 },
  { name: "webhook signing", files: /^lib\/webhooks\/(sign|secret)\.ts$/, target: 97 },
  { name: "key authentication", files: /^lib\/keys\/(authenticate|format|key-check|key-cache)\.ts$/, target: 97 },
];

export type Score = { name: string; detected: number; undetected: number; score: number | null; target: number };

function tally(name: string, files: [string, Report["files"][string]][], target: number): Score {
  let detected = 0;
  let undetected = 0;
  for (const [, file] of files) {
    for (const { status } of file.mutants) {
      if (status === "Killed" || status === "Timeout") detected++;
      else if (status === "Survived" || status === "NoCoverage") undetected++;
    }
  }
  const valid = detected + undetected;
  return { name, detected, undetected, score: valid === 0 ? null : (100 * detected) / valid, target };
}

/** Scores of the folders and critical parts the report covers (a run limited to some files reports only those). */
export function scores(report: Report): Score[] {
  const files = Object.entries(report.files).map(
    ([file, result]) =>
      [path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/"), result] as [string, Report["files"][string]],
  );
  const folders = [...new Set(files.map(([file]) => file.split("/").slice(0, 2).join("/")))].sort();
  return [
    ...folders.map((folder) =>
      tally(
        folder,
        files.filter(([file]) => file.startsWith(`${folder}/`)),
        FOLDER_TARGET,
      ),
    ),
    ...CRITICAL.map(({ name, files: pattern, target }) =>
      tally(
        name,
        files.filter(([file]) => pattern.test(file)),
        target,
      ),
    ).filter((s) => s.score !== null),
  ];
}

/** Prints the table; returns the parts below their target. */
export function printScores(reportFile = REPORT_FILE): Score[] {
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  const rows = scores(report);
  const width = Math.max(...rows.map((r) => r.name.length), 6);
  console.log(`\nMutation score per folder (${reportFile}):`);
  console.log(`${"part".padEnd(width)}  score    target  killed  survived`);
  for (const row of rows) {
    const score = row.score === null ? "n/a" : `${row.score.toFixed(1)}%`;
    const met = row.score === null || row.score >= row.target ? "ok" : "BELOW TARGET";
    console.log(
      `${row.name.padEnd(width)}  ${score.padStart(6)}  ${`${row.target}%`.padStart(6)}  ${String(row.detected).padStart(6)}  ${String(row.undetected).padStart(8)}  ${met}`,
    );
  }
  return rows.filter((row) => row.score !== null && row.score < row.target);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missed = printScores(process.argv[2]);
  process.exitCode = missed.length === 0 ? 0 : 1;
}
