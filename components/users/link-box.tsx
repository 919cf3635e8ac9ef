"use client";
// A one-time password link, shown once after it was made: the full address to copy, how long it
// holds, and whether it was mailed.
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { LinkResult } from "@/lib/actions/users/create-user";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

const noSubscribe = () => () => {};

export function LinkBox({
  link,
  title,
  email,
  until,
  t,
}: {
  link: Extract<LinkResult, { ok: true }>;
  title: string;
  email: string;
  until: string;
  t: Dictionary["users"]["link"];
}) {
  // The browser knows the address the admin reached us at; the server renders the path only.
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const url = origin + link.path;
  return (
    <div
      data-testid="password-link"
      aria-live="polite"
      className="flex flex-col gap-2 rounded-lg bg-ok-bg p-4 text-sm text-ok-fg"
    >
      <p className="font-semibold">{title}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="password-link-url"
          className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-ink"
        >
          {url}
        </code>
        <CopyButton value={url} label={t.copy} copied={t.copied} />
      </div>
      <p className="text-xs">{interpolate(t.once, { until })}</p>
      <p className="text-xs">{interpolate(t.mail[link.mail], { email })}</p>
    </div>
  );
}
