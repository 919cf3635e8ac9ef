"use client";
// Unexpected errors: the browser sees a generic message and a reference (digest); details stay in
// the server log. Strings come in both languages because this renders on the client.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const pageLanguage = () => (document.documentElement.lang === "en" ? "en" : "nb");

const text = {
  nb: {
    title: "Noe gikk galt",
    body: "Siden kunne ikke vises. Prøv igjen; hvis feilen fortsetter, oppgi referansen til en utvikler.",
    ref: "Referanse",
    retry: "Prøv igjen",
  },
  en: {
    title: "Something went wrong",
    body: "The page could not be shown. Try again; if it keeps failing, give the reference to a developer.",
    ref: "Reference",
    retry: "Try again",
  },
};

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
          {t.ref}: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <button
        onClick={reset}
        className="mt-2 rounded-lg bg-brand-500 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600"
      >
        {t.retry}
      </button>
    </div>
  );
}
