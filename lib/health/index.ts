import { pingDb } from "@/lib/db";
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

/** Healthy when the database answers, and Redis too when one is configured. */
export async function checkHealth(): Promise<{ ok: boolean; database: Probe; redis: Probe }> {
  const [database, redis] = await Promise.all([
    probe(async () => {
      await pingDb();
      return true;
    }),
    probe(pingRateLimitStore),
  ]);
  return { ok: database === "ok" && redis !== "unavailable", database, redis };
}
