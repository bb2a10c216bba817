"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge, ModeBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Mode } from "@/lib/config/enums";
import { DataTable } from "@/components/ui/data-table";

export type KeyRow = { id: string; name: string; mode: Mode; hint: string; created: string; lastUsed: string; revoked: boolean };

type Props = { keys: KeyRow[]; rollAction: (formData: FormData) => void; revokeAction: (formData: FormData) => void };

function KeyActions({ row, rollAction, revokeAction }: { row: KeyRow } & Omit<Props, "keys">) {
  const t = useTranslations("apiKeys.confirm");
  const [confirming, setConfirming] = useState<"roll" | "revoke" | null>(null);
  if (row.revoked) return null;
  if (confirming) {
    return (
      <form
        action={confirming === "roll" ? rollAction : revokeAction}
        onSubmit={() => setTimeout(() => setConfirming(null))}
        className="flex flex-col items-end gap-2"
        role="group"
        aria-label={t("label", { action: confirming })}
      >
        <input type="hidden" name="keyId" value={row.id} />
        <p className="max-w-xs text-right text-xs text-slate-600">
          {t("question", { action: confirming, name: row.name })} {t(confirming)}
        </p>
        <div className="flex gap-2">
          <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
            {t("cancel")}
          </Button>
          <SubmitButton variant={confirming === "revoke" ? "danger" : "primary"} size="sm">
            {confirming === "roll" ? t("rollKey") : t("revokeKey")}
          </SubmitButton>
        </div>
      </form>
    );
  }
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" size="sm" onClick={() => setConfirming("roll")} aria-label={t("rollLabel", { name: row.name })}>
        {t("rollButton")}
      </Button>
      <Button variant="dangerQuiet" size="sm" onClick={() => setConfirming("revoke")} aria-label={t("revokeLabel", { name: row.name })}>
        {t("revokeButton")}
      </Button>
    </div>
  );
}

export function KeysTable({ keys, rollAction, revokeAction }: Props) {
  const t = useTranslations("apiKeys.table");
  return (
    <DataTable
      columns={[
        { label: t("name") },
        { label: t("key") },
        { label: t("created"), hiddenBelowMd: true },
        { label: t("lastUsed"), hiddenBelowMd: true },
        { label: t("status") },
        { label: t("actions"), actions: true },
      ]}
    >
      {keys.map((row) => (
        <tr
          key={row.id}
          data-testid="api-key-row"
          data-mode={row.mode}
          data-revoked={row.revoked}
          className={row.revoked ? "bg-slate-50/60 text-slate-400" : ""}
        >
          <td className="px-5 py-3">
            <div className="flex items-center gap-2 font-medium text-slate-900">
              <ModeBadge mode={row.mode} />
              <span className={row.revoked ? "text-slate-400" : ""}>{row.name}</span>
            </div>
          </td>
          <td className="px-3 py-3 font-mono text-xs whitespace-nowrap">{row.hint}</td>
          <td className="hidden px-3 py-3 whitespace-nowrap md:table-cell">{row.created}</td>
          <td className="hidden px-3 py-3 whitespace-nowrap md:table-cell">{row.lastUsed}</td>
          <td className="px-3 py-3">
            {row.revoked ? <Badge tone="slate">{t("revokedBadge")}</Badge> : <Badge tone="green">{t("active")}</Badge>}
          </td>
          <td className="px-5 py-3">
            <KeyActions row={row} rollAction={rollAction} revokeAction={revokeAction} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
