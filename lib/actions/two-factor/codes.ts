// What the actions that check a second-factor code share: the request's side of an attempt (time,
// client address, the per-address limiter) and the words for a refused code, the same on the
// sign-in page, the account page and the step-up prompt.
import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { clientInfo } from "@/lib/auth/client";
import type { CodeAttempt, CodeCheck } from "@/lib/auth/two-factor/check-code";
import { env } from "@/lib/env";
import { appLimiters } from "@/lib/limits/app";
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

/** This request's client and the per-address limiter: wrong codes count there like wrong passwords. */
export async function requestLimits(): Promise<Pick<CodeAttempt, "client" | "addressLimiter">> {
  return {
    client: clientInfo(await headers(), env().trustedProxyHops),
    addressLimiter: appLimiters().signInFailuresPerAddress,
  };
}

/** This request as a code attempt. */
export const requestAttempt = async (): Promise<Omit<CodeAttempt, "purpose">> => ({
  now: new Date(),
  ...(await requestLimits()),
});

/** A form with one code field (turning two-factor sign-in off, new recovery codes). */
export const codeFormInput = zfd.formData({
  code: zfd.text(z.string({ error: "codeRequired" }).max(64, { error: "codeRequired" })),
});
