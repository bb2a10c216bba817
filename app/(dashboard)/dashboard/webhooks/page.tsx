import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { AddEndpointForm } from "@/components/webhooks/add-endpoint-form";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointList } from "@/components/webhooks/endpoint-list";
import type { DeliveryRow, EndpointView } from "@/components/webhooks/types";
import { getFormat } from "@/i18n/format";
import { requireUser } from "@/lib/auth/session";
import type { Formatter } from "@/lib/i18n";
import {
  ENDPOINT_STATS_WINDOW_DAYS,
  listWebhookDeliveries,
  listWebhookEndpoints,
  type WebhookDeliveryView,
  type WebhookEndpointSummary,
} from "@/lib/webhooks";
import { createEndpoint, deleteEndpoint, resendDelivery, revealSecret, rotateSecret, sendTestEvent, setEnabled } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("metaTitle") };
}

function endpointView(endpoint: WebhookEndpointSummary, format: Formatter, never: string): EndpointView {
  return {
    id: endpoint.id,
    mode: endpoint.mode,
    url: endpoint.url,
    enabled: endpoint.enabled,
    events: endpoint.events,
    disabledReason: endpoint.disabledReason,
    consecutiveFailures: endpoint.consecutiveFailures,
    created: format.shortDateTime(endpoint.createdAt),
    stats: {
      ...endpoint.stats,
      windowDays: ENDPOINT_STATS_WINDOW_DAYS,
      lastDelivery: endpoint.stats.lastDeliveryAt ? format.shortDateTime(endpoint.stats.lastDeliveryAt) : never,
    },
  };
}

function deliveryRow(delivery: WebhookDeliveryView, format: Formatter): DeliveryRow {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    created: format.shortDateTime(delivery.createdAt),
    nextRetry: delivery.status === "pending" && delivery.nextAttemptAt ? format.shortDateTime(delivery.nextAttemptAt) : null,
    attempts: delivery.attempts.map((attempt) => ({ ...attempt, at: format.shortDateTime(attempt.at) })),
  };
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ endpoint?: string | string[] }> }) {
  const user = await requireUser();
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormat()]);
  const endpoints = (await listWebhookEndpoints(user.id)).map((endpoint) => endpointView(endpoint, format, t("never")));
  const requested = (await searchParams).endpoint;
  // Only one of the user's own endpoints can be selected: an unknown id falls back to the first.
  const selected = endpoints.find((endpoint) => endpoint.id === requested) ?? endpoints[0] ?? null;
  const deliveries = selected ? (await listWebhookDeliveries(user.id, selected.id)).map((delivery) => deliveryRow(delivery, format)) : [];
  const actions = { revealSecret, rotateSecret, setEnabled, deleteEndpoint, sendTestEvent };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
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
