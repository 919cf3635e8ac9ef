import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { HistoryText } from "./types";

type Tone = NonNullable<ComponentProps<typeof Badge>["tone"]>;

/** Money that has moved is green, money on hold blue, money going back amber, dead ends grey. */
const TONES: Record<PaymentStatus, Tone> = {
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

export function StatusBadge({ status, t }: { status: PaymentStatus; t: HistoryText }) {
  return <Badge tone={TONES[status]}>{t.statuses[status]}</Badge>;
}
