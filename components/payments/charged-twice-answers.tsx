// The "charged twice" answer side by side in both languages, each with a copy button that says
// "Copied" for two seconds and then offers to copy again (a new answer starts a fresh button).
import { CopyButton } from "@/components/ui/copy-button";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export function ChargedTwiceAnswers({ text, t }: { text: Record<Locale, string>; t: Dictionary["chargedTwice"] }) {
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
          <CopyButton
            key={text[lang]}
            value={text[lang]}
            label={t.copy}
            copied={t.copied}
            testId={`copy-${lang}`}
            size="normal"
          />
        </div>
      ))}
    </div>
  );
}
