import { setLocaleFormAction } from "@/lib/actions/i18n/set-locale";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** Works without JavaScript: each button posts the server action. */
export function LanguageSwitch({ locale, t }: { locale: Locale; t: Dictionary }) {
  return (
    <form
      action={setLocaleFormAction}
      aria-label={t.language.label}
      className="inline-flex rounded-lg border border-surface-line bg-surface p-0.5 text-xs"
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          aria-pressed={l === locale}
          lang={l}
          className={`rounded-md px-2.5 py-1 font-medium ${l === locale ? "bg-ink text-white" : "text-ink-muted hover:text-ink"}`}
        >
          {t.language[l]}
        </button>
      ))}
    </form>
  );
}
