import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db";
import { merchantProfiles, type MerchantProfile } from "@/lib/db/schema";
import { merchantProfileInput, type MerchantProfileInput } from "./schema";

export async function getMerchantProfile(userId: string, db?: DbOrTx): Promise<MerchantProfile | null> {
  const target = db ?? (await getDb());
  const [profile] = await target.select().from(merchantProfiles).where(eq(merchantProfiles.userId, userId)).limit(1);
  return profile ?? null;
}

/** Validates (KHQR's limits; throws ZodError) and creates or replaces the profile in one statement. */
export async function saveMerchantProfile(userId: string, input: MerchantProfileInput): Promise<MerchantProfile> {
  const values = merchantProfileInput.parse(input);
  const db = await getDb();
  const row = {
    bakongAccountId: values.bakongAccountId,
    merchantName: values.merchantName,
    merchantCity: values.merchantCity,
    merchantNameKm: values.merchantNameKm ?? null,
    merchantCityKm: values.merchantCityKm ?? null,
    currency: values.currency,
    merchantId: values.merchantId ?? null,
    acquiringBank: values.acquiringBank ?? null,
  };
  const [saved] = await db
    .insert(merchantProfiles)
    .values({ userId, ...row })
    .onConflictDoUpdate({ target: merchantProfiles.userId, set: { ...row, updatedAt: sql`now()` } })
    .returning();
  if (!saved) throw new Error("merchant profile upsert returned no row");
  return saved;
}
