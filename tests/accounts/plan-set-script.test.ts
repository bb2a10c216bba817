import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { claimDataDir } from "@/lib/db/pglite-lock";
import { users } from "@/lib/db/schema";

const run = promisify(execFile);
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "khqr-plan-set-"));
const email = `operator-${randomUUID()}@example.com`;

// The script must see this file's database: PostgreSQL passes through DATABASE_URL; without it, the
// embedded database lives in a directory (instead of memory) that the script opens once this process closes it.
const dataDir = path.join(tempRoot, "db");
if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = dataDir;

function planSet(args: string[], env: Record<string, string> = {}) {
  return run(path.resolve("node_modules/.bin/tsx"), ["scripts/plan-set.ts", ...args], {
    env: { ...process.env, ...env, LOG_SILENT: "true" },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  await (await getDb()).insert(users).values({ id: randomUUID(), email, passwordHash: "x" });
  await closeDb();
});

afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

describe("npm run plan:set -- <email> <plan>", () => {
  it("changes the plan and prints it before and after", async () => {
    const { stdout } = await planSet([email, "starter"]);
    expect(stdout).toContain(`${email}: plan free → starter (2,000 live / 20,000 test QR codes per day)`);
  }, 60_000);

  it("exits 1 for an unknown email", async () => {
    await expect(planSet(["nobody@example.com", "starter"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No account with the email nobody@example.com"),
    });
  }, 60_000);

  it("exits 1 for an unknown plan or missing arguments, without opening the database", async () => {
    await expect(planSet([email, "platinum"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Unknown plan "platinum". Plans: free, starter, business.'),
    });
    await expect(planSet([])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Usage: npm run plan:set -- <email> <plan>"),
    });
  }, 60_000);

  it("says so and exits 1 when a running server holds the embedded database", async () => {
    const heldDir = path.join(tempRoot, "held");
    const release = claimDataDir(heldDir);
    try {
      await expect(planSet([email, "starter"], { DATABASE_URL: "", PGLITE_DATA_DIR: heldDir })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`open in another process (pid ${process.pid}`),
      });
    } finally {
      release();
    }
  }, 60_000);
});
