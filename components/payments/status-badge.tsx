import { Badge } from "@/components/ui/badge";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

const TONE: Record<PaymentStatus, "neutral" | "ok" | "warn" | "bad" | "info"> = {
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

export function StatusBadge({ status, t }: { status: PaymentStatus; t: Dictionary }) {
  return <Badge tone={TONE[status]}>{t.payment.status[status]}</Badge>;
}
