import type { Metadata } from "next";
import { formatShortDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { AddEndpointForm } from "@/components/webhooks/add-endpoint-form";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointList } from "@/components/webhooks/endpoint-list";
import type { DeliveryRow, EndpointView } from "@/components/webhooks/types";
import { requireUser } from "@/lib/auth/session";
import {
  ENDPOINT_STATS_WINDOW_DAYS,
  listWebhookDeliveries,
  listWebhookEndpoints,
  type WebhookDeliveryView,
  type WebhookEndpointSummary,
} from "@/lib/webhooks";
import { createEndpoint, deleteEndpoint, resendDelivery, revealSecret, rotateSecret, sendTestEvent, setEnabled } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

function endpointView(endpoint: WebhookEndpointSummary): EndpointView {
  return {
    id: endpoint.id,
    mode: endpoint.mode,
    url: endpoint.url,
    enabled: endpoint.enabled,
    events: endpoint.events,
    disabledReason: endpoint.disabledReason,
    consecutiveFailures: endpoint.consecutiveFailures,
    created: formatShortDateTime(endpoint.createdAt),
    stats: {
      ...endpoint.stats,
      windowDays: ENDPOINT_STATS_WINDOW_DAYS,
      lastDelivery: endpoint.stats.lastDeliveryAt ? formatShortDateTime(endpoint.stats.lastDeliveryAt) : "never",
    },
  };
}

function deliveryRow(delivery: WebhookDeliveryView): DeliveryRow {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    created: formatShortDateTime(delivery.createdAt),
    nextRetry: delivery.status === "pending" && delivery.nextAttemptAt ? formatShortDateTime(delivery.nextAttemptAt) : null,
    attempts: delivery.attempts.map((attempt) => ({ ...attempt, at: formatShortDateTime(attempt.at) })),
  };
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ endpoint?: string | string[] }> }) {
  const user = await requireUser();
  const endpoints = (await listWebhookEndpoints(user.id)).map(endpointView);
  const requested = (await searchParams).endpoint;
  // Only one of the user's own endpoints can be selected: an unknown id falls back to the first.
  const selected = endpoints.find((endpoint) => endpoint.id === requested) ?? endpoints[0] ?? null;
  const deliveries = selected ? (await listWebhookDeliveries(user.id, selected.id)).map(deliveryRow) : [];
  const actions = { revealSecret, rotateSecret, setEnabled, deleteEndpoint, sendTestEvent };

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Get a signed POST the moment a payment is confirmed, retried for up to an hour until your server answers 2xx. See the API docs for verifying signatures."
      />
      <div className="space-y-6">
        <EndpointList
          mode="live"
          endpoints={endpoints.filter((endpoint) => endpoint.mode === "live")}
          actions={actions}
          selectedId={selected?.id ?? null}
        />
        <EndpointList
          mode="test"
          endpoints={endpoints.filter((endpoint) => endpoint.mode === "test")}
          actions={actions}
          selectedId={selected?.id ?? null}
        />
        <AddEndpointForm createEndpoint={createEndpoint} />
        {selected ? <DeliveryLog url={selected.url} deliveries={deliveries} resendDelivery={resendDelivery} /> : null}
      </div>
    </>
  );
}
