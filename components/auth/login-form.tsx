"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useFormErrors } from "@/components/ui/use-form-errors";
import { INVALID_CREDENTIALS_MESSAGE, logInInput } from "@/lib/dashboard/account-forms";

/** Logs in through next-auth's Credentials provider; its only failure messages are "wrong credentials" and "too many attempts". */
export function LoginForm({ callbackPath, notice }: { callbackPath: string; notice?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { errors, onSubmit: validate, onChange } = useFormErrors(logInInput, undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    validate(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackPath);
      router.refresh();
      return;
    }
    setPending(false);
    setError(!result?.error || result.error === "CredentialsSignin" ? INVALID_CREDENTIALS_MESSAGE : result.error);
  }

  return (
    <form onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {error ? <Alert tone="error">{error}</Alert> : notice ? <Alert tone="info">{notice}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <p className="-mt-3 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner /> : null}
        {pending ? "Logging in…" : "Log in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to KHQR Pay?{" "}
        <Link href="/signup" className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
