"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { RevealedKey } from "@/components/dashboard/revealed-key";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { KeyActionState } from "@/lib/dashboard/key-action-state";
import { KeysTable, type KeyRow } from "./keys-table";

type KeyAction = (state: KeyActionState, formData: FormData) => Promise<KeyActionState>;

type Props = { keys: KeyRow[]; createKey: KeyAction; rollKey: KeyAction; revokeKey: KeyAction };

/** Create, roll and revoke keys; a new key's full value is shown here once and never again. */
export function ApiKeysManager({ keys, createKey, rollKey, revokeKey }: Props) {
  const t = useTranslations("apiKeys");
  const [created, createAction] = useActionState(createKey, {});
  const [rolled, rollAction] = useActionState(rollKey, {});
  const [revoked, revokeAction] = useActionState(revokeKey, {});
  const revealed = rolled.revealed ?? created.revealed;
  const messages = [rolled, revoked].filter((state) => state.error || (state.success && !state.revealed));

  return (
    <div className="space-y-6">
      {revealed ? (
        <Card className="ring-2 ring-amber-300">
          <CardHeader title={t("newKeyTitle")} description={t("newKeyDescription")} />
          <CardBody>
            <RevealedKey mode={revealed.mode} value={revealed.key} label={revealed.name} />
          </CardBody>
        </Card>
      ) : null}
      {messages.map((state, index) => (
        <Alert key={index} tone={state.error ? "error" : "success"}>
          {state.error ?? state.success}
        </Alert>
      ))}

      <Card>
        <CardHeader title={t("yourKeys")} description={t("yourKeysDescription")} />
        <KeysTable keys={keys} rollAction={rollAction} revokeAction={revokeAction} />
      </Card>

      <Card>
        <CardHeader title={t("createTitle")} description={t("createDescription")} />
        <CardBody>
          <form action={createAction} className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,1fr)_160px_auto] sm:items-end">
            <TextField
              label={t("name")}
              name="name"
              placeholder={t("namePlaceholder")}
              required
              maxLength={60}
              defaultValue={created.values?.name}
              error={created.fieldErrors?.name}
            />
            <SelectField label={t("mode")} name="mode" defaultValue={created.values?.mode ?? "test"} error={created.fieldErrors?.mode}>
              <option value="test">{t("test")}</option>
              <option value="live">{t("live")}</option>
            </SelectField>
            <SubmitButton pendingText={t("creating")}>{t("create")}</SubmitButton>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}
