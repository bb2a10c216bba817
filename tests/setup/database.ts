import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import pg from "pg";
import { closeDb } from "@/lib/db";

// Each test file gets a database of its own: an in-memory PGlite locally, or a fresh database on
// the PostgreSQL server when DATABASE_URL is set (CI), so files can run in parallel without sharing rows.
const serverUrl = process.env.DATABASE_URL;
let createdDatabase: string | undefined;

if (serverUrl) {
  createdDatabase = `khqr_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${createdDatabase}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${createdDatabase}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.PGLITE_DATA_DIR = "memory://";
}
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS ??= "true";
// Request logs would bury the test report; tests about logging switch them back on.
process.env.LOG_SILENT ??= "true";
// Tests run many files at once on two cores: a busy machine must not look like a Redis outage
// (outage tests pass their own short timeouts).
process.env.RATE_LIMIT_STORE_TIMEOUT_MS ??= "5000";

afterAll(async () => {
  await closeDb();
  if (serverUrl && createdDatabase) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${createdDatabase} with (force)`);
    await admin.end();
  }
});
