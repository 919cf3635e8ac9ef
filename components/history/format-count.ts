import type { Locale } from "@/lib/i18n/locales";

const formats: Record<Locale, Intl.NumberFormat> = { nb: new Intl.NumberFormat("nb-NO"), en: new Intl.NumberFormat("en-GB") };

/** 1234 → "1 234" (nb) or "1,234" (en). */
export const formatCount = (n: number, locale: Locale) => formats[locale].format(n);
