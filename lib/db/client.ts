import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { claimDataDir } from "./pglite-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle or an open transaction: functions that take part in a caller's transaction accept either. */
export type DbOrTx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

/** Calls `onMessage` with the payload of each NOTIFY on `channel`; resolves to a function that stops listening. */
type Listen = (channel: string, onMessage: (payload: string) => void) => Promise<() => Promise<void>>;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void>; listen: Listen };

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
  return {
    db: drizzle({ client: pool, schema }) as unknown as Db,
    kind: "postgres",
    close: () => pool.end(),
    listen: (channel, onMessage) => listenOnPostgres(url, channel, onMessage),
  };
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
      // One process owns PGlite, so its own NOTIFYs are all there is to hear.
      listen: async (channel, onMessage) => {
        const unlisten = await client.listen(channel, onMessage);
        return async () => unlisten();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

const RELISTEN_AFTER_MS = 1_000;

/**
 * A connection of its own that LISTENs (a pooled one would be handed to queries). NOTIFYs reach every
 * instance listening on the channel, after the sending transaction commits. A dropped connection is
 * replaced after a second; what was sent meanwhile is missed, so listeners must not be the only way to learn.
 */
async function listenOnPostgres(url: string, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  const { Client } = await import("pg");
  let stopped = false;
  let client: InstanceType<typeof Client> | undefined;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new Client({ connectionString: url });
    next.on("notification", (message) => onMessage(message.payload ?? ""));
    next.on("error", () => {
      void next.end().catch(() => {});
      retry();
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', "")}"`);
    client = next;
  };
  const retry = () => {
    if (!stopped) setTimeout(() => void connect().catch(retry), RELISTEN_AFTER_MS).unref();
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
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

/** Hears NOTIFYs on a channel (see Listen); for pushing changes to open pages without polling. */
export async function listenToDatabase(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  return (await handle()).listen(channel, onMessage);
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
