/** The friendly answer to a throttled sign-up, log-in or password form. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds >= 120 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${Math.max(1, retryAfterSeconds)} seconds`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}
