import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { saveUserPreferences, userPreferencesInput } from "@/lib/accounts";
import { userOfSession } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { createTestMerchant } from "../helpers/merchant";

describe("language and digits", () => {
  it("an account keeps the language it signed up in; Khmer when none was given", async () => {
    const english = await createTestMerchant(null, "en");
    const khmer = await createTestMerchant(null);
    expect(await userOfSession(english.userId, 0)).toMatchObject({ locale: "en", khmerDigits: false });
    expect(await userOfSession(khmer.userId, 0)).toMatchObject({ locale: "km", khmerDigits: false });
  });

  it("the settings form saves both; a checkbox left out means Latin digits", async () => {
    const merchant = await createTestMerchant(null, "en");
    await saveUserPreferences(merchant.userId, userPreferencesInput.parse({ locale: "km", khmerDigits: "on" }));
    expect(await userOfSession(merchant.userId, 0)).toMatchObject({ locale: "km", khmerDigits: true });
    await saveUserPreferences(merchant.userId, userPreferencesInput.parse({ locale: "en" }));
    expect(await userOfSession(merchant.userId, 0)).toMatchObject({ locale: "en", khmerDigits: false });
  });

  it("refuses a language we do not speak, and the database refuses it too", async () => {
    expect(userPreferencesInput.safeParse({ locale: "fr" }).success).toBe(false);
    const merchant = await createTestMerchant(null);
    const db = await getDb();
    await expect(
      db
        .update(users)
        .set({ locale: "fr" as "en" })
        .where(eq(users.id, merchant.userId)),
    ).rejects.toThrow();
    expect(await userOfSession(merchant.userId, 0)).toMatchObject({ locale: "km" });
  });
});
