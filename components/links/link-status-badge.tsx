import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { LinkStatus } from "@/lib/links";

const TONES: Record<LinkStatus, "green" | "slate" | "amber"> = { active: "green", deactivated: "slate", used: "slate", expired: "amber" };

export function LinkStatusBadge({ status }: { status: LinkStatus }) {
  const t = useTranslations("paymentLinks.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
