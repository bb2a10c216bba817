/**
 * Next.js calls register() once per server process. Background jobs (Bakong polling, webhook delivery)
 * start here: in the Node.js runtime only, and not while `next build` loads this file to collect pages.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Production refuses to start without NEXTAUTH_SECRET rather than failing at the first log-in.
  const { exitUnlessAuthSecretConfigured } = await import("./lib/auth/secret");
  exitUnlessAuthSecretConfigured();
  const { exitUnlessAppUrlConfigured } = await import("./lib/config/app-url");
  exitUnlessAppUrlConfigured();
  // Per-address limits read the connection's own peer address, which Next.js hides behind a client's
  // X-Forwarded-For; methods Next.js cannot route (TRACE) get a 405 instead of its 500.
  const { installHttpServerHook } = await import("./lib/api");
  installHttpServerHook();
  // Operator switch: web-only instances while another instance (or Inngest) polls and delivers; benchmarks.
  if (process.env.BACKGROUND_JOBS === "off") return;
  const { startBackgroundJobs } = await import("./lib/jobs/start-background-jobs");
  startBackgroundJobs();
}
