import { pingDb } from "@/lib/db";
import { bakongStatus } from "@/lib/payments";
import { pingRateLimitStore } from "@/lib/ratelimit";

type Probe = "ok" | "unavailable" | "not_configured";

async function probe(check: () => Promise<boolean>, timeoutMs = 2_000): Promise<Probe> {
  try {
    const configured = await Promise.race([
      check(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return configured ? "ok" : "not_configured";
  } catch {
    return "unavailable";
  }
}

/**
 * Healthy when the database answers, and Redis too when one is configured. How live Bakong is used (budget,
 * breakers, poller, token lifetime) is reported beside, without deciding health: an instance is fine while
 * Bakong is down, and says so.
 */
export async function checkHealth() {
  const [database, redis] = await Promise.all([
    probe(async () => {
      await pingDb();
      return true;
    }),
    probe(pingRateLimitStore),
  ]);
  const bakong = database === "ok" ? await bakongStatus().catch(() => null) : null;
  return { ok: database === "ok" && redis !== "unavailable", database, redis, bakong };
}
