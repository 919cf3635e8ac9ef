import { Badge } from "@/components/ui/badge";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { RegisterStatus } from "@/lib/ingest/problems";

const TONES: Record<RegisterStatus, "ok" | "neutral" | "warn" | "bad"> = {
  registered: "ok",
  already_known: "neutral",
  not_found_at_vipps: "warn",
  invalid: "bad",
  failed: "bad",
};

export function ResultBadge({ status, t }: { status: RegisterStatus; t: Dictionary["ingest"]["results"] }) {
  return (
    <span className="whitespace-nowrap">
      <Badge tone={TONES[status]}>{t[status]}</Badge>
    </span>
  );
}
