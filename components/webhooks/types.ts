import type { DeliveryStatus, Mode, WebhookEvent } from "@/lib/config/enums";

/** Plain, already formatted values the Webhooks page hands to its client components. */

export type EndpointView = {
  id: string;
  mode: Mode;
  url: string;
  enabled: boolean;
  events: WebhookEvent[];
  disabledReason: string | null;
  consecutiveFailures: number;
  created: string;
  /** Counts over the last `windowDays` days. */
  stats: { windowDays: number; succeeded: number; failed: number; pending: number; lastDelivery: string };
};

export type AttemptView = {
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  at: string;
};

export type DeliveryRow = {
  id: string;
  event: string;
  status: DeliveryStatus;
  attemptCount: number;
  created: string;
  nextRetry: string | null;
  attempts: AttemptView[];
};

/** What every webhook action answers; a secret travels back only when the merchant asked to see it. */
export type WebhookActionState = {
  error?: string;
  success?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  secret?: { endpointId: string; value: string };
};

export type WebhookAction = (state: WebhookActionState, formData: FormData) => Promise<WebhookActionState>;

export type EndpointActions = {
  revealSecret: WebhookAction;
  rotateSecret: WebhookAction;
  setEnabled: WebhookAction;
  deleteEndpoint: WebhookAction;
  sendTestEvent: WebhookAction;
};
