"use client";

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
  const [created, createAction] = useActionState(createKey, {});
  const [rolled, rollAction] = useActionState(rollKey, {});
  const [revoked, revokeAction] = useActionState(revokeKey, {});
  const revealed = rolled.revealed ?? created.revealed;
  const messages = [rolled, revoked].filter((state) => state.error || (state.success && !state.revealed));

  return (
    <div className="space-y-6">
      {revealed ? (
        <Card className="ring-2 ring-amber-300">
          <CardHeader
            title="Your new key"
            description="Copy it now and store it on your server. For your security it will not be shown again."
          />
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
        <CardHeader
          title="Your keys"
          description="Live keys create real Bakong QR codes; test keys use the sandbox. Keys are stored only as a hash."
        />
        <KeysTable keys={keys} rollAction={rollAction} revokeAction={revokeAction} />
      </Card>

      <Card>
        <CardHeader title="Create a key" description="One key per server or app makes rolling and revoking painless." />
        <CardBody>
          <form action={createAction} className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,1fr)_160px_auto] sm:items-end">
            <TextField
              label="Name"
              name="name"
              placeholder="Production server"
              required
              maxLength={60}
              defaultValue={created.values?.name}
              error={created.fieldErrors?.name}
            />
            <SelectField label="Mode" name="mode" defaultValue={created.values?.mode ?? "test"} error={created.fieldErrors?.mode}>
              <option value="test">Test</option>
              <option value="live">Live</option>
            </SelectField>
            <SubmitButton pendingText="Creating…">Create key</SubmitButton>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}
