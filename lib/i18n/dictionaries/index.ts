// Both dictionaries by locale (no request reading here, so the proxy and jobs can use it).
import type { Locale } from "../locales";
import en from "./en";
import nb, { type Dictionary } from "./nb";

const dictionaries: Record<Locale, Dictionary> = { nb, en };

export function dictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}
