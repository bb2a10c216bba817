/** The friendly answer to a throttled sign-up, log-in or password form. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, retryAfterSeconds);
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : seconds === 1 ? "1 second" : `${seconds} seconds`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}
