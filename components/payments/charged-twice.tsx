"use client";
// The answer to "I was charged twice", ready to copy, in both languages.
import Link from "next/link";
import { paymentHref } from "@/lib/ids";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";

interface Props {
  verdict: "one_payment" | "genuine_second_payment" | "nothing_charged";
  text: { nb: string; en: string };
  duplicates: { msn: string; orderId: string; amountText: string; statusText: string; createdText: string }[];
  labels: {
    title: string;
    verdict: Record<Props["verdict"], string>;
    copy: string;
    copied: string;
    nb: string;
    en: string;
    duplicates: string;
    actionLater: string;
  };
}

export function ChargedTwice({ verdict, text, duplicates, labels }: Props) {
  const [copied, setCopied] = useState<"nb" | "en" | null>(null);
  const copy = async (lang: "nb" | "en") => {
    await navigator.clipboard.writeText(text[lang]);
    setCopied(lang);
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <section data-testid="charged-twice" className="rounded-card border border-surface-line bg-surface p-5 shadow-card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-ink-muted">{labels.title}</h2>
        <Badge tone={verdict === "genuine_second_payment" ? "bad" : verdict === "one_payment" ? "ok" : "neutral"}>
          <span data-testid="verdict">{labels.verdict[verdict]}</span>
        </Badge>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {(["nb", "en"] as const).map((lang) => (
          <div key={lang} className="flex flex-col gap-2">
            <p className="text-xs font-medium text-ink-muted">{labels[lang]}</p>
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
              {copied === lang ? labels.copied : labels.copy}
            </button>
          </div>
        ))}
      </div>
      {duplicates.length > 0 ? (
        <div className="mt-4">
          <p className="text-xs font-medium text-ink-muted">{labels.duplicates}</p>
          <ul className="mt-1 space-y-1 text-sm" data-testid="duplicates">
            {duplicates.map((d) => (
              <li key={d.orderId}>
                <Link href={paymentHref(d.msn, d.orderId)} className="font-mono text-brand-700 underline">
                  {d.orderId}
                </Link>{" "}
                · {d.amountText} · {d.statusText} · {d.createdText}
              </li>
            ))}
          </ul>
          {verdict === "genuine_second_payment" ? (
            <p className="mt-2 text-xs text-ink-muted">{labels.actionLater}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
