const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from a URL or a form are checked before they reach a uuid column, which would reject them with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
