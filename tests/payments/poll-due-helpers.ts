import { vi } from "vitest";

/**
 * Every JSON log line written while `run` runs, stdout and stderr alike: the log module writes error lines
 * to stderr at once (logLines in tests/helpers only sees stdout). Stubs LOG_SILENT=false: the calling file
 * restores it with vi.unstubAllEnvs() in afterEach.
 */
export async function allLogLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  vi.stubEnv("LOG_SILENT", "false");
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(capture);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return written
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A Bakong envelope as the md5-list endpoint sends it, with items written by the test. */
export function listEnvelope(items: Record<string, unknown>[]): Record<string, unknown> {
  return { responseCode: 0, responseMessage: "Getting transaction successfully.", errorCode: null, data: items };
}
