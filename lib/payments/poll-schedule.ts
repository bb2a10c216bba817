/**
 * When a pending dynamic QR is next asked about: every 3 s for its first 2 minutes (when most
 * customers pay), then every 10 s, then every 15 s, and one final check just after expiry.
 * Returns null once the final check has happened.
 */
export function nextCheckAt(createdAt: Date, expiresAt: Date, now: Date): Date | null {
  if (now.getTime() > expiresAt.getTime()) return null;
  const age = now.getTime() - createdAt.getTime();
  const interval = age < 120_000 ? 3_000 : age < 300_000 ? 10_000 : 15_000;
  const next = now.getTime() + interval;
  const finalCheck = expiresAt.getTime() + 1_000;
  return new Date(Math.min(next, finalCheck));
}
