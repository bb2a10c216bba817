type Level = "debug" | "info" | "warn" | "error";

// Field names whose values must never reach a log line, whatever a caller passes.
const SECRET_FIELD = /authorization|password|secret|token|api_?key$|^key$|cookie/i;

function scrub(fields: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    clean[name] = SECRET_FIELD.test(name) ? "[redacted]" : value;
  }
  return clean;
}

// Lines wait for the end of the current turn of the event loop, so that under load one write carries the
// lines of many requests; the exit handler writes what is left when the process ends.
let pending = "";

function flush(): void {
  if (!pending) return;
  const lines = pending;
  pending = "";
  process.stdout.write(lines);
}

// One exit handler per process, flushing every copy of this module (a bundle may hold several; next dev
// reloads it), instead of one handler per copy.
const registry = globalThis as { __khqrLogFlushes?: Set<() => void> };
if (!registry.__khqrLogFlushes) {
  const flushes = new Set<() => void>();
  registry.__khqrLogFlushes = flushes;
  process.on("exit", () => flushes.forEach((flushCopy) => flushCopy()));
}
registry.__khqrLogFlushes.add(flush);

/**
 * One JSON object per line on stdout (stderr, at once, for errors), ready for any log shipper. Written to
 * the streams directly: Next.js wraps console.* with per-call bookkeeping that costs more than the line itself.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (level === "debug" && !process.env.LOG_DEBUG) return;
  if (process.env.LOG_SILENT === "true") return;
  const line = `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...scrub(fields) })}\n`;
  if (level === "error") {
    process.stderr.write(line);
    return;
  }
  if (!pending) setImmediate(flush);
  pending += line;
}

export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error_name: error.name, error_message: error.message, stack: error.stack };
  return { error_message: String(error) };
}
