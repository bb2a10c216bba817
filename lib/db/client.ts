import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { claimDataDir } from "./pglite-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle or an open transaction: functions that take part in a caller's transaction accept either. */
export type DbOrTx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
// Any fixed number: all instances agree on it so only one migrates at a time.
const MIGRATION_LOCK_KEY = 727_011;

// One Node.js process runs one query's JavaScript at a time, so a few connections keep it busy; more only
// add PostgreSQL backends competing for the same cores (bench:api on 2 cores: 10 connections gave /qr
// ~720 req/s, 4–6 gave ~750 with a lower p99) and use up max_connections (100 by default) across instances.
const DEFAULT_POOL_SIZE = 5;

const globalForDb = globalThis as unknown as { __khqrDb?: Promise<Handle> };

async function openPostgres(url: string): Promise<Handle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? DEFAULT_POOL_SIZE) });
  pool.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "pg_pool_error", error: error.message })));
  const migrationClient = await pool.connect();
  try {
    await migrationClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle({ client: migrationClient, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await migrationClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    migrationClient.release();
  }
  return { db: drizzle({ client: pool, schema }) as unknown as Db, kind: "postgres", close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : claimDataDir(dataDir);
  try {
    const client = await PGlite.create(dataDir);
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function databaseTarget(
  env: NodeJS.ProcessEnv = process.env,
): { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string } {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite") };
}

function open(): Promise<Handle> {
  const target = databaseTarget();
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function handle(): Promise<Handle> {
  globalForDb.__khqrDb ??= open().catch((error) => {
    globalForDb.__khqrDb = undefined;
    throw error;
  });
  return globalForDb.__khqrDb;
}

/** The app's database, migrated on first use. PGlite when DATABASE_URL is unset. */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function databaseKind(): Promise<"postgres" | "pglite"> {
  return (await handle()).kind;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.__khqrDb;
  globalForDb.__khqrDb = undefined;
  if (current) await (await current).close();
}

export async function pingDb(): Promise<void> {
  await (await getDb()).execute(sql`select 1`);
}
