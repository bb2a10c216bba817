/** Accounts are stored and looked up by the email trimmed and lower-cased: one address, one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
