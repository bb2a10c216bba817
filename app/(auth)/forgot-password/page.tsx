import type { Metadata } from "next";
import Link from "next/link";
import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Forgot your password?</h1>
      <p className="mt-2 text-center text-sm text-slate-600">We will email you a link to set a new one.</p>
      <Card className="mt-8">
        <CardBody className="space-y-5 p-6 sm:p-8">
          <AccountForm
            action={forgotPasswordAction}
            fields={[{ label: "Email", name: "email", type: "email", autoComplete: "email" }]}
            submitLabel="Email me a link"
            pendingText="Sending…"
            fullWidth
          />
          <p className="text-center text-sm text-slate-600">
            <Link href="/login" className="font-medium text-brand-700 hover:underline">
              Back to log in
            </Link>
          </p>
        </CardBody>
      </Card>
    </>
  );
}
