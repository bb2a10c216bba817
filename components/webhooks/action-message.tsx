import { Alert } from "@/components/ui/alert";
import type { WebhookActionState } from "./types";

/** The answer of the last webhook action, if it has something to say. */
export function ActionMessage({ state }: { state: WebhookActionState }) {
  if (!state.error && !state.success) return null;
  return (
    <Alert tone={state.error ? "error" : "success"} className="mt-3">
      {state.error ?? state.success}
    </Alert>
  );
}
