// A sales unit's state at a glance: environment, keys, active or deactivated.
import { Badge } from "@/components/ui/badge";
import type { Environment } from "@/generated/prisma/enums";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import type { KeySource } from "@/lib/sales-units/admin-view";

export function EnvironmentBadge({ environment, t }: { environment: Environment; t: Dictionary["salesUnits"] }) {
  return (
    <Badge tone={environment === "production" ? "brand" : environment === "test" ? "info" : "neutral"}>
      {t.environments[environment]}
    </Badge>
  );
}

export function KeysBadge({
  keys,
  partnerKeyName,
  t,
}: {
  keys: KeySource;
  partnerKeyName: string | null;
  t: Dictionary["salesUnitsAdmin"];
}) {
  if (keys === "missing") return <Badge tone="warn">{t.keyState.missing}</Badge>;
  return (
    <Badge tone="ok">
      {keys === "partner" ? interpolate(t.keyState.partner, { name: partnerKeyName ?? "" }) : t.keyState.own}
    </Badge>
  );
}

export function ActiveBadge({ active, t }: { active: boolean; t: Dictionary["salesUnitsAdmin"] }) {
  return active ? <Badge tone="ok">{t.state.active}</Badge> : <Badge tone="bad">{t.state.inactive}</Badge>;
}
