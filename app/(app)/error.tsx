"use client";
// Unexpected errors: the browser sees a generic message and a reference (digest); details stay in
// the server log. Both languages' words come along (just this section of the dictionaries) because
// this renders on the client and reads the page language there.
import { useSyncExternalStore } from "react";
import { errorEn } from "@/lib/i18n/dictionaries/sections/error.en";
import { errorNb } from "@/lib/i18n/dictionaries/sections/error.nb";
import { primaryButton } from "@/components/ui/form";

const noSubscription = () => () => {};
const pageLanguage = () => (document.documentElement.lang === "en" ? "en" : "nb");

const text = { nb: errorNb, en: errorEn };

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(noSubscription, pageLanguage, () => "nb" as const);
  const t = text[lang];
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-start gap-3 py-16">
      <p className="font-mono text-sm font-semibold text-brand-600">500</p>
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="text-ink-muted">{t.body}</p>
      {error.digest ? (
        <p className="text-sm text-ink-muted">
          {t.reference}: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <button onClick={reset} className={`mt-2 ${primaryButton}`}>
        {t.retry}
      </button>
    </div>
  );
}
