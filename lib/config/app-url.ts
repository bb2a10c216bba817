export class MissingAppUrlError extends Error {
  constructor() {
    super(
      "APP_URL is not set. Production refuses to start without the app's public URL (e.g. https://pay.example.com): " +
        "payment links and the links in emails are built from it, never from a request's Host header.",
    );
    this.name = "MissingAppUrlError";
  }
}

const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

/**
 * The app's public origin, from APP_URL (or NEXTAUTH_URL). Links customers and merchants are sent
 * (payment pages, Bakong's deep-link callback, email links) are built from it alone: a request's Host or
 * X-Forwarded-Host is the caller's to choose. Required in production; development falls back to
 * http://localhost on the dev server's port.
 */
export function appUrl(): string {
  const configured = process.env.APP_URL?.trim() || process.env.NEXTAUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  if (process.env.NODE_ENV === "production" && !isBuildPhase()) throw new MissingAppUrlError();
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** The hosted payment page of a QR, by its unguessable public id. */
export function payPageUrl(publicId: string): string {
  return `${appUrl()}/pay/${publicId}`;
}

/** Called at server start-up (instrumentation.ts): a production server without APP_URL exits with the reason. */
export function exitUnlessAppUrlConfigured(): void {
  try {
    appUrl();
  } catch (error) {
    if (!(error instanceof MissingAppUrlError)) throw error;
    console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "startup_refused", reason: error.message }));
    process.exit(1);
  }
}
