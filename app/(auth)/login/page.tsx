import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardBody } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/dashboard/account-forms";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getSessionUser()) redirect(callbackPath);
  const notice = params.signedOut
    ? "You have been logged out."
    : params.error
      ? "Log-in did not complete. Please try again."
      : params.callbackUrl
        ? "Log in to continue."
        : undefined;
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Log in to KHQR Pay</h1>
      <Card className="mt-8">
        <CardBody className="p-6 sm:p-8">
          <LoginForm callbackPath={callbackPath} notice={notice} />
        </CardBody>
      </Card>
    </>
  );
}
