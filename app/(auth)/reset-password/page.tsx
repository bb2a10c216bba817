import type { Metadata } from "next";
import Link from "next/link";
import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { resetPasswordAction } from "./actions";

// The token is in the address: no Referer may carry it to another site.
export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Set a new password</h1>
      <p className="mt-2 text-center text-sm text-slate-600">Every session of your account is signed out when you save it.</p>
      <Card className="mt-8">
        <CardBody className="space-y-5 p-6 sm:p-8">
          <AccountForm
            action={resetPasswordAction}
            fields={[
              { label: "Token", name: "token", type: "hidden", value: typeof token === "string" ? token : "" },
              { label: "New password", name: "password", type: "password", autoComplete: "new-password" },
            ]}
            submitLabel="Save new password"
            pendingText="Saving…"
            fullWidth
          />
          <p className="text-center text-sm text-slate-600">
            <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
              Ask for a new link
            </Link>
          </p>
        </CardBody>
      </Card>
    </>
  );
}
