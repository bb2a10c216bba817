import type { Metadata } from "next";
import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { confirmSignUpAction } from "../actions";

// The token is in the address: no Referer may carry it to another site.
export const metadata: Metadata = { title: "Create your account", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A button rather than an account made on GET: mail scanners that open links must not create anything. */
export default async function ConfirmSignUpPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Create your KHQR Pay account</h1>
      <p className="mt-2 text-center text-sm text-slate-600">
        Your email address is confirmed by this link. One click and your keys are ready.
      </p>
      <Card className="mt-8">
        <CardBody className="p-6 sm:p-8">
          <AccountForm
            action={confirmSignUpAction}
            fields={[{ label: "Token", name: "token", type: "hidden", value: typeof token === "string" ? token : "" }]}
            submitLabel="Create my account"
            pendingText="Creating your account…"
            fullWidth
          />
        </CardBody>
      </Card>
    </>
  );
}
