import { z } from "zod";
import { storableString } from "@/lib/std";

export const PASSWORD_MIN_LENGTH = 10;

const email = storableString("Email").trim().min(1, "Enter your email address").pipe(z.email("Enter a valid email address"));
const newPassword = storableString("Password")
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

/** Sign-up fields; shared by the form (instant messages) and the server action (the real check). */
export const signUpInput = z.object({ email, password: newPassword });

export const changePasswordInput = z.object({
  currentPassword: storableString("Password").min(1, "Enter your current password"),
  newPassword,
});

export const forgotPasswordInput = z.object({ email });

export const resetPasswordInput = z.object({
  token: storableString("The link").min(1, "This link is incomplete; open the link from the email again."),
  password: newPassword,
});

export const changeEmailInput = z.object({
  newEmail: email,
  currentPassword: storableString("Password").min(1, "Enter your current password"),
});

export const logInInput = z.object({
  email: storableString("Email").trim().min(1, "Enter your email address"),
  password: storableString("Password").min(1, "Enter your password"),
});

// Only the origin matters when resolving: any real origin of ours gives the same answer.
const RESOLVING_ORIGIN = "http://callback.invalid";

/**
 * Only same-site paths may be returned to after log-in, never another origin. The path is resolved the
 * way a browser resolves it (which drops tabs and newlines and reads a backslash as "/", so "/\t/evil.example"
 * is "//evil.example"), and the resolved path is what is returned.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  const fallback = "/dashboard";
  if (!value?.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, RESOLVING_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return resolved.origin === RESOLVING_ORIGIN && !path.startsWith("//") && !path.includes("\\") ? path : fallback;
}
