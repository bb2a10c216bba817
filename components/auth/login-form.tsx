"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useFormErrors } from "@/components/ui/use-form-errors";
import { logInInput } from "@/lib/dashboard/account-forms";

/** Logs in through next-auth's Credentials provider; its only failure messages are "wrong credentials" and "too many attempts". */
export function LoginForm({ callbackPath, notice }: { callbackPath: string; notice?: string }) {
  const router = useRouter();
  const t = useTranslations("auth");
  const tErrors = useTranslations("forms.errors");
  const locale = useLocale();
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
    // Any other error is the throttle's message, written in English by the server.
    const throttled = Boolean(result?.error) && result?.error !== "CredentialsSignin";
    setError(!throttled ? t("login.invalidCredentials") : locale === "en" ? result!.error! : tErrors("rate_limit_exceeded"));
  }

  return (
    <form onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {error ? <Alert tone="error">{error}</Alert> : notice ? <Alert tone="info">{notice}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <p className="-mt-3 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          {t("login.forgot")}
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner /> : null}
        {pending ? t("login.pending") : t("login.submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t("login.newHere")}{" "}
        <Link href="/signup" className="font-medium text-brand-700 hover:underline">
          {t("login.createAccount")}
        </Link>
      </p>
    </form>
  );
}
