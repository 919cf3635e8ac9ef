"use client";
// The "charged twice" answer side by side in both languages, each with a copy button.
import { useState } from "react";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export function ChargedTwiceAnswers({ text, t }: { text: Record<Locale, string>; t: Dictionary["chargedTwice"] }) {
  const [copied, setCopied] = useState<Locale | null>(null);
  const copy = async (lang: Locale) => {
    await navigator.clipboard.writeText(text[lang]);
    setCopied(lang);
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {LOCALES.map((lang) => (
        <div key={lang} className="flex flex-col gap-2">
          <p className="text-xs font-medium text-ink-muted">{t[lang]}</p>
          <p
            lang={lang}
            data-testid={`explanation-${lang}`}
            className="rounded-lg bg-surface-sunken p-3 text-sm leading-relaxed"
          >
            {text[lang]}
          </p>
          <button
            type="button"
            onClick={() => void copy(lang)}
            className="self-start rounded-lg border border-surface-line px-3 py-1.5 text-sm font-medium hover:bg-surface-sunken"
          >
            {copied === lang ? t.copied : t.copy}
          </button>
        </div>
      ))}
    </div>
  );
}
