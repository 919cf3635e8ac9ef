// The words for a refused second-factor code, the same on the sign-in page, the account page and
// the step-up prompt.
import "server-only";
import type { CodeCheck } from "@/lib/auth/two-factor/check-code";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";

export function codeRefusalMessage(t: Dictionary, locale: Locale, refusal: Exclude<CodeCheck, { ok: true }>): string {
  const e = t.twoFactor.errors;
  switch (refusal.reason) {
    case "invalid":
      return e.invalidCode;
    case "locked":
      return interpolate(e.locked, { time: formatDateTime(refusal.lockedUntil, locale) });
    case "address_throttled":
      return e.addressThrottled;
  }
}
