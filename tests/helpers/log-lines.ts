import { vi } from "vitest";

/**
 * The JSON lines the app logs while `run` runs (the log module writes them at the end of the turn). Stubs
 * LOG_SILENT=false: the calling file restores it with vi.unstubAllEnvs() in afterEach.
 */
export async function logLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  vi.stubEnv("LOG_SILENT", "false");
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    write.mockRestore();
  }
  return written
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
