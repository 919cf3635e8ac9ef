"use client";
// The command palette (cmdk inside the app's Radix dialog: focus trapped, returned on close): jump to
// a page the role may open, a sales unit's history, or a payment by orderId or transactionId — the
// server searches as the person types (debounced), within their sales units. Enter on nothing else
// runs the full lookup.
import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { StatusBadge } from "@/components/payments/status-badge";
import { paletteSearchAction, paletteUnitsAction } from "@/lib/actions/payments/palette-search";
import { formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { paymentHref } from "@/lib/ids";

export interface PaletteProps {
  /** The pages this person may open (the menu's entries and their account). */
  pages: { href: string; label: string }[];
  /** May search payments and open histories (payments:read). */
  canSearch: boolean;
  t: Dictionary["palette"];
  statuses: Dictionary["payment"]["status"];
  onClose: () => void;
}

const DEBOUNCE_MS = 150;
/** Sales units listed at once; typing narrows them. */
const UNITS_SHOWN = 8;

function useDebounced(value: string, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

const item =
  "flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 text-sm text-ink data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-800";
const heading =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-ink-muted";

export function CommandPaletteDialog({ pages, canSearch, t, statuses, onClose }: PaletteProps) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const term = useDebounced(q.trim(), DEBOUNCE_MS);
  // Once per opening (and kept a while): the units are few and filtered here, like the pages.
  const units = useQuery({
    queryKey: ["palette-units"],
    queryFn: async () => (await paletteUnitsAction({}))?.data ?? [],
    enabled: canSearch,
    staleTime: 5 * 60_000,
  });
  const { data, isFetching, isError } = useQuery({
    queryKey: ["palette", term],
    queryFn: async () => {
      const r = await paletteSearchAction({ q: term });
      if (!r?.data) throw new Error(r?.serverError ?? "palette search failed");
      return r.data;
    },
    enabled: canSearch && term !== "",
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });
  const go = (href: string) => {
    onClose();
    router.push(href);
  };
  const needle = q.trim().toLowerCase();
  const shownPages = pages.filter((p) => !needle || p.label.toLowerCase().includes(needle));
  const shownUnits = (units.data ?? [])
    .filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.msn.includes(needle))
    .slice(0, UNITS_SHOWN);
  const current = data && term !== "" && term === q.trim() ? data : null;
  // The first entry is chosen whenever the entries change (results arrive after the typing): Enter
  // opens the payment typed, not the lookup that was first while the search ran.
  const paymentValue = (p: { msn: string; orderId: string }) => `payment ${p.msn} ${p.orderId}`;
  const entriesKey = `${q.trim()}|${(current?.payments ?? []).map(paymentValue).join()}`;
  const first = current?.payments[0]
    ? paymentValue(current.payments[0])
    : canSearch && needle
      ? "lookup"
      : shownPages[0]
        ? `page ${shownPages[0].href}`
        : "";
  const [chosen, setChosen] = useState({ key: "", value: "" });
  const selected = chosen.key === entriesKey ? chosen.value : first;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content
          data-testid="palette"
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => e.preventDefault()}
          className="fixed inset-x-2 top-2 z-50 overflow-hidden rounded-card bg-surface shadow-card sm:inset-x-auto sm:left-1/2 sm:top-[12vh] sm:w-[36rem] sm:-translate-x-1/2"
        >
          <Dialog.Title className="sr-only">{t.title}</Dialog.Title>
          <Command
            shouldFilter={false}
            label={t.title}
            value={selected}
            onValueChange={(value) => setChosen({ key: entriesKey, value })}
            className="flex max-h-[80vh] flex-col"
          >
            <Command.Input
              value={q}
              onValueChange={setQ}
              placeholder={canSearch ? t.placeholder : t.placeholderPages}
              maxLength={100}
              className="w-full border-b border-surface-line bg-surface px-4 py-3 text-base outline-none placeholder:text-ink-faint"
            />
            <Command.List className={`overflow-y-auto p-2 ${heading}`}>
              {canSearch && current && current.payments.length > 0 ? (
                <Command.Group heading={t.payments}>
                  {current.payments.map((p) => (
                    <Command.Item
                      key={`${p.msn}/${p.orderId}`}
                      data-testid="palette-payment"
                      value={paymentValue(p)}
                      onSelect={() => go(paymentHref(p.msn, p.orderId))}
                      className={item}
                    >
                      <span className="font-mono font-medium">{p.orderId}</span>
                      <span className="min-w-0 flex-1 truncate text-ink-muted">
                        {p.unitName} · {p.msn}
                        {p.match === "transactionId" ? ` · ${t.byTransactionId}` : ""}
                      </span>
                      <StatusBadge status={p.status} t={statuses} />
                      <span className="tabular-nums">{formatOre(p.amount)}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {canSearch && needle ? (
                <Command.Group heading={current?.payments.length ? undefined : t.payments}>
                  <Command.Item
                    value="lookup"
                    onSelect={() => go(`/?q=${encodeURIComponent(q.trim())}`)}
                    className={item}
                  >
                    {interpolate(current?.morePayments ? t.searchAll : t.searchFor, { q: q.trim() })}
                  </Command.Item>
                </Command.Group>
              ) : null}
              {shownPages.length > 0 ? (
                <Command.Group heading={t.pages}>
                  {shownPages.map((p) => (
                    <Command.Item key={p.href} value={`page ${p.href}`} onSelect={() => go(p.href)} className={item}>
                      {p.label}
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {shownUnits.length > 0 ? (
                <Command.Group heading={t.histories}>
                  {shownUnits.map((u) => (
                    <Command.Item
                      key={u.msn}
                      value={`history ${u.msn}`}
                      onSelect={() => go(`/history/${u.msn}`)}
                      className={item}
                    >
                      {interpolate(t.historyOf, { name: u.name })}
                      <span className="font-mono text-xs text-ink-muted">{u.msn}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              <Command.Empty className="px-3 py-6 text-center text-sm text-ink-muted">{t.empty}</Command.Empty>
            </Command.List>
            <p aria-live="polite" className="border-t border-surface-line px-4 py-2 text-xs text-ink-muted">
              {isError ? t.failed : isFetching && canSearch ? t.searching : t.hint}
            </p>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
