import http from "node:http";

export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; latencies: number[] };

type RequestSpec = { method: string; path: string; headers: Record<string, string>; body?: string };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A closed-loop load generator: `concurrency` keep-alive connections, each sending its next request when the last answers. */
export async function runLoad(options: {
  port: number;
  concurrency: number;
  seconds: number;
  request: (i: number) => RequestSpec;
  expectStatus: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const send = (spec: RequestSpec) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: options.port, method: spec.method, path: spec.path, headers: spec.headers, agent },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(spec.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const spec = options.request(counter++);
        const t0 = performance.now();
        const status = await send(spec).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status !== options.expectStatus) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return summarize(latencies, errors, seconds);
}

function summarize(latencies: number[], errors: number, seconds: number): LoadResult {
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
}

/** Several runs of one route as if they were one: total requests over total time, latencies pooled. */
export function combine(results: LoadResult[]): LoadResult {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  return summarize(
    latencies,
    sum((result) => result.errors),
    sum((result) => result.seconds),
  );
}
