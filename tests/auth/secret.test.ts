import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret, exitUnlessAuthSecretConfigured, MissingAuthSecretError, sessionCookieName } from "@/lib/auth/secret";

const DEVELOPMENT_SECRET = "khqr-pay-development-secret-not-for-production";
const REFUSAL =
  "NEXTAUTH_SECRET is not set. Production refuses to start without it: generate one with " +
  "`openssl rand -base64 32` and set NEXTAUTH_SECRET in the server's environment.";

/** The process environment of a server: NODE_ENV and the two secret variables, nothing else set. */
function environment(nodeEnv: string, secrets: { NEXTAUTH_SECRET?: string; AUTH_SECRET?: string } = {}) {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.stubEnv("NEXT_PHASE", undefined);
  vi.stubEnv("NEXTAUTH_SECRET", secrets.NEXTAUTH_SECRET);
  vi.stubEnv("AUTH_SECRET", secrets.AUTH_SECRET);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the session secret", () => {
  it("is NEXTAUTH_SECRET without surrounding whitespace, ahead of AUTH_SECRET", () => {
    environment("production", { NEXTAUTH_SECRET: "  from-nextauth\n", AUTH_SECRET: "from-auth" });
    expect(authSecret()).toBe("from-nextauth");
  });

  it("falls back to AUTH_SECRET, trimmed, when NEXTAUTH_SECRET is unset or blank", () => {
    environment("production", { AUTH_SECRET: " from-auth " });
    expect(authSecret()).toBe("from-auth");
    environment("production", { NEXTAUTH_SECRET: "   ", AUTH_SECRET: "from-auth" });
    expect(authSecret()).toBe("from-auth");
  });

  it("in production, refuses to run without one, blank counting as none", () => {
    for (const secrets of [{}, { NEXTAUTH_SECRET: " ", AUTH_SECRET: "\t" }]) {
      environment("production", secrets);
      const error = (() => {
        try {
          authSecret();
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(MissingAuthSecretError);
      expect(error).toMatchObject({ name: "MissingAuthSecretError", message: REFUSAL });
    }
  });

  it("while `next build` prerenders (production, no secret yet), signs with the development secret", () => {
    environment("production");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    expect(authSecret()).toBe(DEVELOPMENT_SECRET);
    // Any other phase is run time: the production server.
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    expect(() => authSecret()).toThrow(REFUSAL);
  });

  it("outside production, uses the development secret when none is set", () => {
    environment("development");
    expect(authSecret()).toBe(DEVELOPMENT_SECRET);
    environment("test", { NEXTAUTH_SECRET: "" });
    expect(authSecret()).toBe(DEVELOPMENT_SECRET);
  });
});

describe("the start-up check", () => {
  function watchExit() {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    return { exit, logged };
  }

  it("a production server without a secret logs one line saying why and exits with status 1", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-04T05:06:07.089Z"));
    environment("production");
    const { exit, logged } = watchExit();
    exitUnlessAuthSecretConfigured();
    expect(exit.mock.calls).toEqual([[1]]);
    expect(logged).toHaveBeenCalledTimes(1);
    const [line] = logged.mock.calls[0]!;
    expect(JSON.parse(line as string)).toStrictEqual({
      time: "2025-03-04T05:06:07.089Z",
      level: "error",
      msg: "startup_refused",
      reason: REFUSAL,
    });
  });

  it("a configured server, or one outside production, starts quietly", () => {
    const { exit, logged } = watchExit();
    environment("production", { NEXTAUTH_SECRET: "configured" });
    exitUnlessAuthSecretConfigured();
    environment("development");
    exitUnlessAuthSecretConfigured();
    expect(exit).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });
});

describe("the session cookie's name", () => {
  it("carries the __Secure- prefix only when the app is served over HTTPS", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://pay.example.com");
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(sessionCookieName()).toBe("next-auth.session-token");
    vi.stubEnv("NEXTAUTH_URL", undefined);
    expect(sessionCookieName()).toBe("next-auth.session-token");
  });
});
