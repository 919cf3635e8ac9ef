// "Set on <date> by <who>" lines of the sales-unit pages. The stored values never reach the page:
// only when and by whom they were set.
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { AdminUnitView, SetStamp } from "@/lib/sales-units/admin-view";

type A = Dictionary["salesUnitsAdmin"];

export function stampedLine(
  template: string,
  noStamp: string,
  stamp: SetStamp,
  a: A,
  locale: Locale,
  vars: Record<string, string> = {},
): string {
  if (!stamp.at) return interpolate(noStamp, vars);
  return interpolate(template, { ...vars, date: formatDateTime(stamp.at, locale), who: stamp.by ?? a.keys.someone });
}

export function keysLine(u: AdminUnitView, a: A, locale: Locale): string {
  if (u.keys === "missing" || !u.credentialsSet) return a.keys.missing;
  if (u.keys === "partner")
    return stampedLine(a.keys.partner, a.keys.partnerNoStamp, u.credentialsSet, a, locale, {
      name: u.partnerKeyName ?? "",
    });
  return stampedLine(a.keys.own, a.keys.ownNoStamp, u.credentialsSet, a, locale);
}

export function callbackTokenLine(u: AdminUnitView, a: A, locale: Locale): string {
  if (!u.callbackToken) return a.callbackToken.none;
  return stampedLine(a.callbackToken.set, a.callbackToken.setNoStamp, u.callbackToken, a, locale);
}
