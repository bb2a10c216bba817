import type { Metadata } from "next";
import { LinkConfirmCard } from "@/components/account/link-confirm-card";
import { confirmSignUpAction } from "../actions";

// The token is in the address: no Referer may carry it to another site.
export const metadata: Metadata = { title: "Create your account", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmSignUpPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Create your KHQR Pay account</h1>
      <p className="mt-2 text-center text-sm text-slate-600">This link confirms your email address. One click and your keys are ready.</p>
      <LinkConfirmCard action={confirmSignUpAction} token={token} submitLabel="Create my account" pendingText="Creating your account…" />
    </>
  );
}
