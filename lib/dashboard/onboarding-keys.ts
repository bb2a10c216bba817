import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { authSecret, secureSessionCookies } from "@/lib/auth/secret";
import type { Mode } from "@/lib/config/enums";

export type OnboardingKey = { mode: Mode; key: string; hint: string };

const COOKIE = "khqr-onboarding-keys";
// Long enough to copy the keys and fill in the profile; after that they exist nowhere but in the merchant's hands.
const MAX_AGE_SECONDS = 15 * 60;

function cipherKey(): Buffer {
  return createHash("sha256").update(`onboarding-keys:${authSecret()}`).digest();
}

/** AES-256-GCM: the cookie can be neither read nor altered without the server secret. */
export function sealKeys(keys: OnboardingKey[]): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", cipherKey(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(keys), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function unsealKeys(sealed: string): OnboardingKey[] | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", cipherKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    return JSON.parse(text) as OnboardingKey[];
  } catch {
    return null;
  }
}

const cookieOptions = (maxAge: number) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/onboarding",
  secure: secureSessionCookies(),
  maxAge,
});

/** Hands the new account's full keys to the onboarding page; server actions only (it sets a cookie). */
export async function rememberOnboardingKeys(keys: OnboardingKey[]): Promise<void> {
  (await cookies()).set(COOKIE, sealKeys(keys), cookieOptions(MAX_AGE_SECONDS));
}

export async function readOnboardingKeys(): Promise<OnboardingKey[] | null> {
  const sealed = (await cookies()).get(COOKIE)?.value;
  return sealed ? unsealKeys(sealed) : null;
}

/** Called once onboarding is finished: the keys are never shown again. */
export async function forgetOnboardingKeys(): Promise<void> {
  (await cookies()).set(COOKIE, "", cookieOptions(0));
}
