// Signs development sessions only: anyone can read this line, so production never uses it.
const DEVELOPMENT_SECRET = "khqr-pay-development-secret-not-for-production";

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      "NEXTAUTH_SECRET is not set. Production refuses to start without it: generate one with " +
        "`openssl rand -base64 32` and set NEXTAUTH_SECRET in the server's environment.",
    );
    this.name = "MissingAuthSecretError";
  }
}

// `next build` evaluates server modules to prerender pages; the secret is a run-time requirement only.
const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

/** The key that signs and encrypts session cookies. */
export function authSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET?.trim() || process.env.AUTH_SECRET?.trim();
  if (configured) return configured;
  if (process.env.NODE_ENV === "production" && !isBuildPhase()) throw new MissingAuthSecretError();
  return DEVELOPMENT_SECRET;
}

/**
 * Called once at server start-up (instrumentation.ts): a production server without a secret exits with
 * the reason, instead of starting and answering every request with a 500.
 */
export function exitUnlessAuthSecretConfigured(): void {
  try {
    authSecret();
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: authSecret() throws nothing else today, so "never rethrow" cannot be told apart; "always rethrow" fails tests/auth/secret.test.ts.
    if (!(error instanceof MissingAuthSecretError)) throw error;
    console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "startup_refused", reason: error.message }));
    process.exit(1);
  }
}

/** Session cookies get the __Secure- prefix and the Secure flag when the app is served over HTTPS. */
export function secureSessionCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return secureSessionCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
