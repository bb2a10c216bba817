import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { PageHeader } from "@/components/ui/page-header";
import { getFormat } from "@/i18n/format";
import { requireUser } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/keys";
import { createKey, revokeKey, rollKey } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("metaTitle") };
}

export default async function ApiKeysPage() {
  const user = await requireUser();
  const [keys, t, format] = await Promise.all([listApiKeys(user.id), getTranslations("apiKeys"), getFormat()]);
  // Active keys first, then the revoked history.
  const rows = keys
    .map((key) => ({
      id: key.id,
      name: key.name,
      mode: key.mode,
      hint: key.hint,
      revoked: key.revokedAt !== null,
      created: format.shortDateTime(key.createdAt),
      lastUsed: key.lastUsedAt ? format.shortDateTime(key.lastUsedAt) : t("never"),
    }))
    .sort((a, b) => Number(a.revoked) - Number(b.revoked));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ApiKeysManager keys={rows} createKey={createKey} rollKey={rollKey} revokeKey={revokeKey} />
    </>
  );
}
