import { Badge } from "@/components/ui/badge";
import type { RegisterStatus } from "@/lib/ingest/problems";

const TONES: Record<RegisterStatus, "ok" | "neutral" | "warn" | "bad"> = {
  registered: "ok",
  already_known: "neutral",
  not_found_at_vipps: "warn",
  invalid: "bad",
  failed: "bad",
};

export function ResultBadge({ status, label }: { status: RegisterStatus; label: string }) {
  return (
    <span className="whitespace-nowrap">
      <Badge tone={TONES[status]}>{label}</Badge>
    </span>
  );
}
