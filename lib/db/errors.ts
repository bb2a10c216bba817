const UNIQUE_VIOLATION = "23505";
const CHECK_VIOLATION = "23514";

/** The constraint a PostgreSQL error violated, found through driver and ORM wrappers (`cause`); null for other errors. */
function violated(error: unknown, code: string): string | null {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: string; constraint?: string };
    if (candidate.code === code) return candidate.constraint ?? "";
  }
  return null;
}

/** The unique index or constraint a statement violated, or null. */
export const violatedUniqueConstraint = (error: unknown) => violated(error, UNIQUE_VIOLATION);

/** The check constraint a statement violated, or null. */
export const violatedCheckConstraint = (error: unknown) => violated(error, CHECK_VIOLATION);
