import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/account/account-form";
import { Card, CardBody } from "@/components/ui/card";
import { confirmEmailAction } from "./actions";

// The token is in the address: no Referer may carry it to another site.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.confirmEmail");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A button rather than a change on GET: mail scanners that open links must not confirm anything. */
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("auth.confirmEmail")]);
  return (
    <>
      <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <Card className="mt-8">
        <CardBody className="p-6 sm:p-8">
          <AccountForm
            action={confirmEmailAction}
            fields={[{ label: "Token", name: "token", type: "hidden", value: typeof token === "string" ? token : "" }]}
            submitLabel={t("submit")}
            pendingText={t("pending")}
            fullWidth
          />
        </CardBody>
      </Card>
    </>
  );
}
