import type { Metadata } from "next";
import { LinkConfirmCard } from "@/components/account/link-confirm-card";
import { confirmEmailAction } from "./actions";

// The token is in the address: no Referer may carry it to another site.
export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">Confirm your new email address</h1>
      <LinkConfirmCard action={confirmEmailAction} token={token} submitLabel="Confirm this address" pendingText="Confirming…" />
    </>
  );
}
