import { Badge } from "@/components/ui/badge";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

/** Money that has moved is green, money on hold blue, money going back amber, dead ends grey. */
const STATUS_TONE: Record<PaymentStatus, "neutral" | "ok" | "warn" | "bad" | "info"> = {
  initiated: "neutral",
  reserved: "info",
  partially_captured: "info",
  captured: "ok",
  partially_refunded: "warn",
  refunded: "warn",
  cancelled: "neutral",
  voided: "neutral",
  failed: "bad",
};

/** The one status badge (lookup, payment page, history). `t`: the status names, payment.status or history.statuses. */
export function StatusBadge({ status, t }: { status: PaymentStatus; t: Dictionary["payment"]["status"] }) {
  return <Badge tone={STATUS_TONE[status]}>{t[status]}</Badge>;
}
