import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EndpointCard } from "./endpoint-card";
import type { EndpointActions, EndpointView } from "./types";
import type { Mode } from "@/lib/config/enums";

/** The endpoints of one mode. */
export function EndpointList({
  mode,
  endpoints,
  actions,
  selectedId,
}: {
  mode: Mode;
  endpoints: EndpointView[];
  actions: EndpointActions;
  selectedId: string | null;
}) {
  const t = useTranslations("webhooks.list");
  return (
    <Card>
      <CardHeader title={t(mode)} description={t(`${mode}Description`)} />
      {endpoints.length === 0 ? (
        <EmptyState title={t("emptyTitle", { mode })}>{t("emptyText", { mode })}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {endpoints.map((endpoint) => (
            <EndpointCard key={endpoint.id} endpoint={endpoint} actions={actions} selected={endpoint.id === selectedId} />
          ))}
        </ul>
      )}
    </Card>
  );
}
