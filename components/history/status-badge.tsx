import { STATUS_TONE } from "@/components/payments/status-badge";
import { Badge } from "@/components/ui/badge";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { HistoryText } from "./types";

export function StatusBadge({ status, t }: { status: PaymentStatus; t: HistoryText }) {
  return <Badge tone={STATUS_TONE[status]}>{t.statuses[status]}</Badge>;
}
