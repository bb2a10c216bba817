import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";

const run = promisify(execFile);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function captureStdout(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => lines.push(String(chunk)) > 0);
  return { lines, restore: () => spy.mockRestore() };
}

describe("log", () => {
  const silenced = process.env.LOG_SILENT;
  afterEach(() => {
    if (silenced === undefined) delete process.env.LOG_SILENT;
    else process.env.LOG_SILENT = silenced;
  });

  it("writes the lines of one turn of the event loop together, in order, with secrets redacted", async () => {
    delete process.env.LOG_SILENT;
    const stdout = captureStdout();
    try {
      log("info", "first", { api_key: "khqr_live_secret", authorization: "Bearer x", route: "qr.create" });
      log("warn", "second");
      expect(stdout.lines).toEqual([]);
      await nextTurn();
    } finally {
      stdout.restore();
    }
    expect(stdout.lines).toHaveLength(1);
    const entries = stdout.lines[0]!.trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => entry.msg)).toEqual(["first", "second"]);
    expect(entries[0]).toMatchObject({ level: "info", api_key: "[redacted]", authorization: "[redacted]", route: "qr.create" });
  });

  it("loses no line when the process exits before the end of the turn", async () => {
    const script = `import { log } from "./lib/log/index.ts"; log("info", "last_words"); process.exit(0);`;
    const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["--eval", script], {
      env: { ...process.env, LOG_SILENT: "" },
      timeout: 60_000,
    });
    expect(stdout).toContain('"msg":"last_words"');
  });
});
