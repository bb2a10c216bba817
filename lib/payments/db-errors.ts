/** The unique constraint a PostgreSQL error violated, through driver and ORM wrappers; null for other errors. */
export function violatedConstraint(error: unknown): string | null {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: string; constraint?: string };
    if (candidate.code === "23505") return candidate.constraint ?? "";
  }
  return null;
}
