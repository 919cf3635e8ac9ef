"use client";
// The search box: a plain GET form (works without JavaScript, the URL is shareable). "/" focuses it
// from any page (components/shell/slash-search.tsx).
import { useEffect, useRef } from "react";
import { FOCUS_SEARCH_KEY } from "@/components/shell/slash-search";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { primaryButton } from "@/components/ui/form";

export function SearchBox({ q, t, error }: { q: string; t: Dictionary["lookup"]; error?: string }) {
  const input = useRef<HTMLInputElement>(null);
  // Arrived here by "/" on another page: the field takes the focus.
  useEffect(() => {
    if (sessionStorage.getItem(FOCUS_SEARCH_KEY)) {
      sessionStorage.removeItem(FOCUS_SEARCH_KEY);
      input.current?.focus();
    }
  }, []);
  return (
    <form role="search" action="/" method="get" className="flex flex-col gap-2">
      <label htmlFor="q" className="text-sm font-medium">
        {t.label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          data-slash-search
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder={t.placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "q-error" : "q-hint"}
          className="w-full rounded-lg border border-surface-line bg-surface px-3 py-2.5 font-mono text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
        <button type="submit" className={`${primaryButton} px-5 py-2.5`}>
          {t.submit}
        </button>
      </div>
      {error ? (
        <p id="q-error" data-testid="search-error" className="text-sm text-bad-fg">
          {error}
        </p>
      ) : (
        <p id="q-hint" className="text-xs text-ink-faint">
          <kbd className="rounded border border-surface-line bg-surface-sunken px-1 font-mono">/</kbd>{" "}
          {t.shortcut.replace("/", "").trim()}
        </p>
      )}
    </form>
  );
}
