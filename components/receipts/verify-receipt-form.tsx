"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { formatDateTime, formatMoney } from "@/components/ui/format";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Currency, Mode } from "@/lib/config/enums";
import type { ReceiptAnswer } from "@/lib/dashboard/receipts";
import type { ReceiptAction } from "./types";

/**
 * The cashier's check of a customer's receipt: type the hash (or the short hash with the amount), get a big
 * green or red answer. The form clears after each answer, ready for the next customer.
 */
export function VerifyReceiptForm({ action, mode, currency }: { action: ReceiptAction; mode: Mode; currency: Currency }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-4">
      {state.answer ? <ReceiptVerdict answer={state.answer} /> : null}
      {state.error && !state.fieldErrors ? <Alert tone="error">{state.error}</Alert> : null}
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="mode" value={mode} />
        <TextField
          label="Transaction hash"
          name="hash"
          required
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="e.g. 8a3f5c0e"
          className="font-mono text-base"
          defaultValue={state.values?.hash}
          error={state.fieldErrors?.hash}
          hint="The 8-character short hash on the receipt (with the amount below), or the full 64-character hash."
        />
        <div className="grid grid-cols-[1fr_110px] gap-3">
          <TextField
            label="Amount"
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="7.50"
            className="text-base"
            defaultValue={state.values?.amount}
            error={state.fieldErrors?.amount}
          />
          <SelectField
            label="Currency"
            name="currency"
            defaultValue={state.values?.currency ?? currency}
            error={state.fieldErrors?.currency}
            className="text-base"
          >
            <option value="USD">USD</option>
            <option value="KHR">KHR</option>
          </SelectField>
        </div>
        <SubmitButton size="lg" className="w-full" pendingText="Asking Bakong…">
          Verify receipt
        </SubmitButton>
      </form>
    </div>
  );
}

function ReceiptVerdict({ answer }: { answer: ReceiptAnswer }) {
  const amount = answer.amount !== null && answer.currency ? formatMoney(answer.amount, answer.currency) : null;
  const tone = !answer.verified ? "red" : answer.already_verified ? "amber" : "green";
  const styles = {
    green: "bg-emerald-600 text-white",
    amber: "bg-amber-400 text-amber-950",
    red: "bg-red-600 text-white",
  }[tone];
  const title = !answer.verified ? "Not verified" : answer.already_verified ? "Already used" : "Paid";
  return (
    <div
      className={`rounded-2xl px-5 py-5 shadow-sm ${styles}`}
      role="status"
      aria-live="polite"
      data-testid="receipt-verdict"
      data-tone={tone}
    >
      <p className="flex items-center gap-3 text-3xl font-bold tracking-tight">
        <span aria-hidden="true" className="text-4xl">
          {tone === "green" ? "✓" : tone === "amber" ? "!" : "✗"}
        </span>
        {title}
      </p>
      {amount ? <p className="mt-1 text-2xl font-semibold">{amount}</p> : null}
      <p className="mt-2 text-sm font-medium">{answer.message}</p>
      {answer.already_verified && answer.first_verified_at ? (
        <p className="mt-2 text-sm" data-testid="receipt-duplicate">
          First verified {formatDateTime(answer.first_verified_at)} ·{" "}
          {answer.first_verified_by?.source === "dashboard" ? "on the dashboard" : "by an API key"}
        </p>
      ) : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs opacity-90">
        {answer.paid_at ? (
          <>
            <dt>Paid</dt>
            <dd>{formatDateTime(answer.paid_at)}</dd>
          </>
        ) : null}
        {answer.from_account_id ? (
          <>
            <dt>From</dt>
            <dd className="break-all">{answer.from_account_id}</dd>
          </>
        ) : null}
        {answer.to_account_id ? (
          <>
            <dt>To</dt>
            <dd className="break-all">{answer.to_account_id}</dd>
          </>
        ) : null}
        <dt>Hash</dt>
        <dd className="font-mono break-all">{answer.hash}</dd>
      </dl>
    </div>
  );
}
