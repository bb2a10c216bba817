import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type RunningApp = { baseUrl: string; stop: () => Promise<void>; logFile: string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A fresh database for this run: a new PostgreSQL database when DATABASE_URL is set, else a PGlite folder in a temp dir. */
async function freshDatabase(workDir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { PGLITE_DATA_DIR: path.join(workDir, "pglite") }, drop: async () => {} };
  const name = `khqr_e2e_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

export function buildApp(): void {
  console.log("e2e: next build …");
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed with code ${result.status}`);
}

/** Starts the production server on a free port against a fresh database and waits until it is healthy. */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const workDir = mkdtempSync(path.join(tmpdir(), "khqr-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const database = await freshDatabase(workDir);
  const logFile = path.join(workDir, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        ...database.env,
        NODE_ENV: "production",
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
      });
    }
    log.end();
    await database.drop().catch((error: unknown) => console.error("e2e: could not drop the database", error));
    rmSync(path.join(workDir, "pglite"), { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, logFile };
}

/** Starts the production server with no NEXTAUTH_SECRET; resolves with its exit code and output (or null if it kept running). */
export async function startWithoutSecret(timeoutMs = 45_000): Promise<{ code: number | null; output: string }> {
  const workDir = mkdtempSync(path.join(tmpdir(), "khqr-e2e-nosecret-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PGLITE_DATA_DIR: path.join(workDir, "pglite"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.NEXTAUTH_SECRET;
  delete env.AUTH_SECRET;
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, timeoutMs);
    child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  rmSync(workDir, { recursive: true, force: true });
  return { code, output };
}
