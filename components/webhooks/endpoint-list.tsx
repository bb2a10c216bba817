import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EndpointCard } from "./endpoint-card";
import type { EndpointActions, EndpointView } from "./types";
import type { Mode } from "@/lib/config/enums";

const DESCRIPTION = {
  live: "Receive the events each endpoint chose for QRs and receipts of your live keys.",
  test: "Receive the events each endpoint chose for sandbox payments and receipts (Simulate payment, test keys).",
};

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
  return (
    <Card>
      <CardHeader title={mode === "live" ? "Live endpoints" : "Test endpoints"} description={DESCRIPTION[mode]} />
      {endpoints.length === 0 ? (
        <EmptyState title={`No ${mode} endpoints`}>Add one below to be told about {mode} payments without polling.</EmptyState>
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
