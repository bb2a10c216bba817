import { and, eq, isNull } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { apiKeys, users } from "@/lib/db/schema";
import { normalizeEmail } from "@/lib/accounts";
import { hashPassword, signUp } from "@/lib/auth";
import { issueApiKey, revokeApiKey } from "@/lib/keys";
import { saveMerchantProfile } from "@/lib/merchants";

const DEMO_EMAIL = "demo@khqr.local";
const DEMO_PASSWORD = "demo-password-123";

/**
 * Idempotent: the demo merchant is created once; every run resets its password and profile,
 * revokes the seed's previous keys and prints a fresh live and test key (only hashes are stored).
 */
async function seed() {
  const db = await getDb();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(DEMO_EMAIL)))
    .limit(1);
  let userId: string;
  if (existing) {
    userId = existing.id;
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
      .where(eq(users.id, userId));
  } else {
    userId = (await signUp(DEMO_EMAIL, DEMO_PASSWORD)).userId;
  }
  await saveMerchantProfile(userId, {
    bakongAccountId: "demo_shop@aclb",
    merchantName: "Demo Coffee Shop",
    merchantCity: "Phnom Penh",
    currency: "USD",
  });
  const active = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
  for (const key of active) await revokeApiKey(userId, key.id);
  const live = await issueApiKey(userId, "live", "Seed live key");
  const test = await issueApiKey(userId, "test", "Seed test key");
  console.log(`Demo merchant: ${DEMO_EMAIL}`);
  console.log(`DEMO_PASSWORD=${DEMO_PASSWORD}`);
  console.log(`KHQR_LIVE_KEY=${live.key}`);
  console.log(`KHQR_TEST_KEY=${test.key}`);
}

try {
  await seed();
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
