import type { Locale } from "@/lib/i18n/locales";
import type { MatchCount } from "@/lib/payments/history/totals";

const formats: Record<Locale, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat("nb-NO"),
  en: new Intl.NumberFormat("en-GB"),
};

/** 1234 → "1 234" (nb) or "1,234" (en). */
export const formatCount = (n: number, locale: Locale) => formats[locale].format(n);

/** An exact count, or "200+" when only a lower bound is known. */
export const formatMatchCount = (c: MatchCount, locale: Locale) => `${formatCount(c.n, locale)}${c.more ? "+" : ""}`;
