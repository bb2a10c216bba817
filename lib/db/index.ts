export { getDb, closeDb, pingDb, databaseTarget, listenToDatabase, type Db, type DbOrTx } from "./client";
export { preparedStatement } from "./prepared";
export { violatedCheckConstraint, violatedUniqueConstraint } from "./errors";
export * as schema from "./schema";
export { claimDueOutboxRows } from "./outbox";
