// Display helpers. Money is integer øre and is formatted without ever becoming a float:
// Intl.NumberFormat formats a decimal string exactly.
import type { Locale } from "@/lib/i18n/locales";

const nok: Record<Locale, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat("nb-NO", { style: "currency", currency: "NOK" }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "NOK" }),
};

function oreToDecimalString(ore: number | bigint): string {
  if (typeof ore === "number" && !Number.isSafeInteger(ore))
    throw new TypeError(`Amount must be an integer number of øre, got ${ore}`);
  const value = BigInt(ore);
  const abs = value < 0n ? -value : value;
  const kroner = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${value < 0n ? "-" : ""}${kroner}.${rest}`;
}

/** 123450 → "1 234,50 kr" (nb-NO, the default) or, with locale "en", "NOK 1,234.50". */
export function formatOre(ore: number | bigint, locale: Locale = "nb"): string {
  return nok[locale].format(oreToDecimalString(ore) as unknown as number);
}

export const TIME_ZONE = "Europe/Oslo";
const intlLocale: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };

/**
 * One formatter per locale and style, made on first use: building an Intl formatter (a time zone
 * above all) costs far more than formatting with it, and a history page formats hundreds of dates.
 */
function memo<K extends string, F>(make: (key: K) => F): (key: K) => F {
  const made = new Map<K, F>();
  return (key) => {
    let f = made.get(key);
    if (!f) made.set(key, (f = make(key)));
    return f;
  };
}

const dateTimeFormat = memo(
  (key: `${Locale}:${"s" | "m"}`) =>
    new Intl.DateTimeFormat(intlLocale[key.slice(0, 2) as Locale], {
      timeZone: TIME_ZONE,
      dateStyle: "medium",
      timeStyle: key.endsWith(":s") ? "medium" : "short",
    }),
);
const dateFormat = memo(
  (locale: Locale) => new Intl.DateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, dateStyle: "medium" }),
);
const relativeFormat = memo((locale: Locale) => new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: "auto" }));
const percentFormat = memo(
  (locale: Locale) => new Intl.NumberFormat(intlLocale[locale], { style: "percent", maximumFractionDigits: 1 }),
);

/** { seconds: true } where calls a second apart must be told apart (the API log). */
export function formatDateTime(date: Date | string, locale: Locale, opts: { seconds?: boolean } = {}): string {
  return dateTimeFormat(`${locale}:${opts.seconds ? "s" : "m"}`).format(new Date(date));
}

export function formatDate(date: Date | string, locale: Locale): string {
  return dateFormat(locale).format(new Date(date));
}

/** "in 23 hours", "3 days ago": the nearest whole unit (minutes under an hour, hours under two days). */
export function formatRelative(date: Date | string, locale: Locale, now: Date | number): string {
  const seconds = (new Date(date).getTime() - new Date(now).getTime()) / 1000;
  const rtf = relativeFormat(locale);
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 48 * 3600) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

/** 0.4213 → "42,1 %" (nb) / "42.1%" (en): a share or rate, at most one decimal. */
export function formatPercent(fraction: number, locale: Locale): string {
  return percentFormat(locale).format(fraction);
}
