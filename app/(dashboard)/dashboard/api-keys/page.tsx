import type { Metadata } from "next";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { formatShortDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/keys";
import { createKey, revokeKey, rollKey } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUser();
  const keys = await listApiKeys(user.id);
  // Active keys first, then the revoked history.
  const rows = keys
    .map((key) => ({
      id: key.id,
      name: key.name,
      mode: key.mode,
      hint: key.hint,
      revoked: key.revokedAt !== null,
      created: formatShortDateTime(key.createdAt),
      lastUsed: key.lastUsedAt ? formatShortDateTime(key.lastUsedAt) : "Never",
    }))
    .sort((a, b) => Number(a.revoked) - Number(b.revoked));
  return (
    <>
      <PageHeader
        title="API keys"
        description="Send a key as Authorization: Bearer <key>. Keep keys on your server, never in a browser or app."
      />
      <ApiKeysManager keys={rows} createKey={createKey} rollKey={rollKey} revokeKey={revokeKey} />
    </>
  );
}
