import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { claimDataDir } from "@/lib/db/pglite-lock";

const run = promisify(execFile);
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "khqr-scripts-"));

function script(name: string, env: Record<string, string>) {
  // These scripts are about the embedded database: without DATABASE_URL they open PGLITE_DATA_DIR.
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return run(path.resolve("node_modules/.bin/tsx"), [`scripts/${name}.ts`], {
    env: { ...base, ...env, LOG_SILENT: "true" },
    timeout: 60_000,
  });
}

afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

describe("npm run db:seed on the embedded database", () => {
  it("is idempotent and prints fresh keys and the password each run", async () => {
    const dataDir = path.join(tempRoot, "seed");
    const first = await script("db-seed", { PGLITE_DATA_DIR: dataDir });
    const second = await script("db-seed", { PGLITE_DATA_DIR: dataDir });
    for (const output of [first.stdout, second.stdout]) {
      expect(output).toMatch(/^KHQR_LIVE_KEY=khqr_live_[0-9A-Za-z]{32}$/m);
      expect(output).toMatch(/^KHQR_TEST_KEY=khqr_test_[0-9A-Za-z]{32}$/m);
      expect(output).toContain("demo@khqr.local");
      expect(output).toMatch(/PASSWORD=\S+/);
    }
    expect(first.stdout.match(/KHQR_LIVE_KEY=(\S+)/)?.[1]).not.toBe(second.stdout.match(/KHQR_LIVE_KEY=(\S+)/)?.[1]);
  }, 120_000);
});

describe("an embedded database directory belongs to one process", () => {
  it("a script finding the directory held says so and stops without writing", async () => {
    const dataDir = path.join(tempRoot, "held");
    const release = claimDataDir(dataDir);
    try {
      await expect(script("db-seed", { PGLITE_DATA_DIR: dataDir })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`open in another process (pid ${process.pid}`),
      });
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      release();
    }
  }, 60_000);

  it("a lock left by a dead process is taken over", () => {
    const dataDir = path.join(tempRoot, "stale");
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, "999999999");
    const release = claimDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
