import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;

/** Sign-up fields; shared by the form (instant messages) and the server action (the real check). */
export const signUpInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter a valid email address")),
  password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`).max(200, "Use at most 200 characters"),
});

export const logInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address"),
  password: z.string().min(1, "Enter your password"),
});

/** One message for an unknown email and a wrong password, so the form never reveals who has an account. */
export const INVALID_CREDENTIALS_MESSAGE = "Incorrect email or password.";

/** Only same-site paths may be returned to after log-in, never another origin. */
export function safeCallbackPath(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/dashboard";
}
