import type { Db } from "./client";

/**
 * A hot-path statement built and named once per database handle: drizzle builds its SQL once, and
 * PostgreSQL parses and plans it once per connection. Values go in as `sql.placeholder`s at execute time.
 */
export function preparedStatement<Statement>(build: (db: Db) => Statement): (db: Db) => Statement {
  const built = new WeakMap<Db, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
