import { Badge } from "@/components/ui/badge";
import type { LinkStatus } from "@/lib/links";

const LABELS: Record<LinkStatus, { label: string; tone: "green" | "slate" | "amber" }> = {
  active: { label: "Active", tone: "green" },
  deactivated: { label: "Deactivated", tone: "slate" },
  used: { label: "Used", tone: "slate" },
  expired: { label: "Expired", tone: "amber" },
};

export function LinkStatusBadge({ status }: { status: LinkStatus }) {
  return <Badge tone={LABELS[status].tone}>{LABELS[status].label}</Badge>;
}
