export { getDb, closeDb, pingDb, databaseKind, databaseTarget, type Db, type DbOrTx } from "./client";
export { preparedStatement } from "./prepared";
export { violatedCheckConstraint, violatedUniqueConstraint } from "./errors";
export { DatabaseLockedError } from "./pglite-lock";
export * as schema from "./schema";
