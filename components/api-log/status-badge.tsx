import { Badge } from "@/components/ui/badge";

/** An HTTP status as a badge: green below 400, amber for 4xx, red for 5xx and for no answer at all. */
export function StatusBadge({ status, noAnswer }: { status: number | null; noAnswer: string }) {
  if (status === null) return <Badge tone="bad">{noAnswer}</Badge>;
  return <Badge tone={status < 400 ? "ok" : status < 500 ? "warn" : "bad"}>{status}</Badge>;
}
