"use client";

import { useActionState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";
import { SecretBox } from "./secret-box";
import type { WebhookAction } from "./types";

/** Adds an endpoint; the answer shows its new signing secret once, right here. */
export function AddEndpointForm({ createEndpoint }: { createEndpoint: WebhookAction }) {
  const [state, action] = useActionState(createEndpoint, {});
  return (
    <Card>
      <CardHeader
        title="Add an endpoint"
        description="We POST a signed transaction.paid event to it whenever a payment of that mode is confirmed."
      />
      <CardBody>
        <form action={action} className="grid gap-4 sm:grid-cols-[1fr_140px_auto] sm:items-start" noValidate>
          <TextField
            label="Endpoint URL"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://shop.example.com/webhooks/khqr"
            required
            maxLength={2048}
            defaultValue={state.values?.url}
            error={state.fieldErrors?.url}
          />
          <SelectField label="Mode" name="mode" defaultValue={state.values?.mode ?? "test"} error={state.fieldErrors?.mode}>
            <option value="test">Test</option>
            <option value="live">Live</option>
          </SelectField>
          <div className="sm:pt-7">
            <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
          </div>
        </form>
        {state.fieldErrors ? null : <ActionMessage state={state} />}
        {state.secret ? <SecretBox value={state.secret.value} /> : null}
      </CardBody>
    </Card>
  );
}
