import { eq } from "drizzle-orm";
import { z } from "zod";
import { LOCALES } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";

/** The settings form's language and digits; a checkbox sends "on" or nothing. */
export const userPreferencesInput = z.object({
  locale: z.enum(LOCALES, "Choose Khmer or English"),
  khmerDigits: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

export type UserPreferences = { locale: (typeof LOCALES)[number]; khmerDigits?: boolean };

/** Saves the language the dashboard and the account's emails speak (and, when given, the digits it writes). */
export async function saveUserPreferences(userId: string, preferences: UserPreferences): Promise<void> {
  const db = await getDb();
  // Stryker disable next-line ConditionalExpression: equivalent, Drizzle leaves a field set to undefined out of an update
  const digits = preferences.khmerDigits === undefined ? {} : { khmerDigits: preferences.khmerDigits };
  await db
    .update(users)
    .set({ locale: preferences.locale, ...digits })
    .where(eq(users.id, userId));
}
