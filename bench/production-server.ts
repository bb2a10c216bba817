import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import pg from "pg";

/** The PostgreSQL server the benchmarks make their throw-away databases on. */
export const POSTGRES_SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The production build a benchmark measures: built with `next build` when there is none, or always when
 * `build` is asked for (a benchmark of code just changed) unless SKIP_BUILD=1 and a build exists.
 */
export function ensureProductionBuild({ build = false }: { build?: boolean } = {}): void {
  const exists = fs.existsSync(".next/BUILD_ID");
  if (exists && (!build || process.env.SKIP_BUILD === "1")) return;
  console.log("Running next build…");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

export type ScratchDatabase = { name: string; url: string; drop(): Promise<void> };

/** A database of its own on the PostgreSQL server, dropped (connections and all) by `drop`. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type ProductionServer = { port: number; url: string; process: ChildProcess; serverPid(): number | null; stop(): Promise<void> };

/**
 * `next start` on a free port against `databaseUrl`, in a process group of its own (so `stop` ends npx and
 * the server it started), resolved once /api/health answers. Production needs APP_URL and a session secret.
 */
export async function startProductionServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ProductionServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      APP_URL: url,
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  const server: ProductionServer = {
    port,
    url,
    process: child,
    serverPid: () => listeningPid(child.pid!),
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await sleep(1_000);
    },
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return server;
    await sleep(500);
  }
  await server.stop();
  throw new Error("the server did not become healthy");
}

/** The Node process that serves (npx → next start → its server): the deepest descendant of the group leader. */
function listeningPid(leader: number): number | null {
  let pid = leader;
  for (;;) {
    const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
      ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)
      : [];
    if (children.length === 0) return pid === leader ? null : pid;
    pid = Number(children[0]);
  }
}

/** A process's resident memory now, in MiB (Linux). */
export function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}
