import { closeDb, databaseTarget, getDb } from "@/lib/db";

// getDb() applies every migration in drizzle/ (under an advisory lock on PostgreSQL), and refuses
// to open an embedded PGlite directory that a running server holds.
const target = databaseTarget();
try {
  await getDb();
  console.log(`Database migrated (${target.kind === "postgres" ? "PostgreSQL" : `PGlite in ${target.dataDir}`}).`);
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
