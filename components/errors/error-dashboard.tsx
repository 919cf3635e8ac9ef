"use client";
// The error dashboard as it lives on screen: tiles against the previous period, errors over time
// (the chart's code loads only here), per operation, and the top errors. Refetched every 5 seconds
// while "live" is on (TanStack Query), so a new error shows without a reload; pause stops it.
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { readErrorDashboardAction } from "@/lib/actions/api-errors/read-error-dashboard";
import type { Dashboard, TopError, Totals } from "@/lib/api-errors/dashboard-types";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";

const ErrorsChart = dynamic(() => import("./errors-chart"), {
  ssr: false,
  loading: () => <div className="h-[260px] animate-pulse rounded-lg bg-surface-sunken" />,
});

type T = Dictionary["errors"];
const LIVE_MS = 5_000;

const intl = (locale: Locale) => (locale === "nb" ? "nb-NO" : "en-GB");

function pct(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return "—";
  return new Intl.NumberFormat(intl(locale), { style: "percent", maximumFractionDigits: 1 }).format(part / whole);
}

function change(now: number, before: number, locale: Locale): string | null {
  if (before === 0) return null;
  const d = (now - before) / before;
  return new Intl.NumberFormat(intl(locale), {
    style: "percent",
    maximumFractionDigits: 0,
    signDisplay: "always",
  }).format(d);
}

function points(now: number, before: number, locale: Locale): string {
  const pp = (now - before) * 100;
  return `${new Intl.NumberFormat(intl(locale), { maximumFractionDigits: 1, signDisplay: "always" }).format(pp)} pp`;
}

function Tile({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div data-testid={testId} className="rounded-card border border-surface-line bg-surface p-4 shadow-card">
      <p className="text-xs font-medium uppercase tracking-wide text-ink-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-ink-muted">{note}</p>
    </div>
  );
}

function Spark({ values }: { values: number[] }) {
  const max = Math.max(1, ...values);
  const w = 96;
  const h = 24;
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const d = values.map((v, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(h - (v / max) * h).toFixed(1)}`);
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden className="text-brand-600">
      <path d={d.join(" ")} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

/** A remedy: its title always, the cause, who acts, the next step and Vipps' docs on demand. */
function Remedy({
  remedy,
  message,
  r,
}: {
  remedy: TopError["remedy"];
  message: string | null;
  r: Dictionary["remedies"];
}) {
  const text = (r.entries as Record<string, { title: string; cause: string; next: string }>)[remedy.id];
  if (!text) return null;
  return (
    <details data-testid="remedy" data-remedy={remedy.id} className="mt-1 max-w-md text-xs">
      <summary className="cursor-pointer font-medium text-brand-700">{text.title}</summary>
      <dl className="mt-2 grid gap-1.5 rounded-lg bg-surface-sunken p-3">
        {message ? <dd className="font-mono text-ink-muted">“{message}”</dd> : null}
        <dt className="font-semibold">{r.labels.cause}</dt>
        <dd>{text.cause}</dd>
        <dt className="font-semibold">{r.labels.who}</dt>
        <dd>{r.who[remedy.who]}</dd>
        <dt className="font-semibold">{r.labels.next}</dt>
        <dd>{text.next}</dd>
        {remedy.links.length ? (
          <>
            <dt className="font-semibold">{r.labels.docs}</dt>
            <dd className="flex flex-col gap-0.5">
              {remedy.links.map((l) => (
                <a key={l.url} href={l.url} target="_blank" rel="noreferrer" className="text-brand-700 underline">
                  {(r.docs as Record<string, string>)[l.key] ?? l.url}
                </a>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}

export function ErrorDashboard({
  initial,
  params,
  t,
  remedies,
  locale,
}: {
  initial: Dashboard;
  params: { range?: string; env?: string; msn?: string; op?: string };
  t: T;
  /** The remedy catalogue's words in the user's language (sent once with the page). */
  remedies: Dictionary["remedies"];
  locale: Locale;
}) {
  const [live, setLive] = useState(true);
  const { data } = useQuery({
    queryKey: ["error-dashboard", params],
    queryFn: async () => (await readErrorDashboardAction(params))?.data ?? initial,
    initialData: initial,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  const d = data ?? initial;
  const ms = (v: number | null) =>
    v === null ? "—" : v === Infinity ? interpolate(t.over, { ms: 12_800 }) : interpolate(t.ms, { ms: v });
  const tile = (label: string, testId: string, value: string, note: string) => (
    <Tile label={label} value={value} note={note} testId={testId} />
  );
  const rate = (x: Totals, k: "errors" | "client" | "server" | "network") => (x.calls ? x[k] / x.calls : 0);
  const rateNote = (k: "errors" | "client" | "server" | "network") =>
    d.before.calls === 0
      ? t.tiles.noBefore
      : interpolate(t.tiles.vsBefore, { change: points(rate(d.now, k), rate(d.before, k), locale) });
  const callsChange = change(d.now.calls, d.before.calls, locale);
  const fmtTick = (at: string) =>
    new Intl.DateTimeFormat(intl(locale), {
      timeZone: "Europe/Oslo",
      ...(d.stepMs >= 3_600_000
        ? { day: "numeric", month: "short", hour: "2-digit" }
        : { hour: "2-digit", minute: "2-digit" }),
    }).format(new Date(at));
  const rows = d.series.map((b) => ({ at: new Date(b.at).toISOString(), ...b.counts }));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
        <span className="text-ink-muted" aria-live="polite">
          {interpolate(t.updated, {
            time: new Intl.DateTimeFormat(intl(locale), { timeZone: "Europe/Oslo", timeStyle: "medium" }).format(
              new Date(d.readAt),
            ),
          })}
        </span>
        <button
          type="button"
          data-testid="live-switch"
          aria-pressed={live}
          onClick={() => setLive((v) => !v)}
          className={`rounded-full border px-3 py-1 text-xs font-semibold ${
            live ? "border-ok-fg bg-ok-bg text-ok-fg" : "border-surface-line bg-surface text-ink-muted"
          }`}
        >
          {live ? `● ${t.live}` : `❚❚ ${t.paused}`}
        </button>
      </div>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {tile(
          t.tiles.calls,
          "tile-calls",
          d.now.calls.toLocaleString(intl(locale)),
          callsChange ? interpolate(t.tiles.vsBefore, { change: callsChange }) : t.tiles.noBefore,
        )}
        {tile(t.tiles.errorRate, "tile-error-rate", pct(d.now.errors, d.now.calls, locale), rateNote("errors"))}
        {tile(t.tiles.client, "tile-4xx", pct(d.now.client, d.now.calls, locale), rateNote("client"))}
        {tile(t.tiles.server, "tile-5xx", pct(d.now.server, d.now.calls, locale), rateNote("server"))}
        {tile(t.tiles.network, "tile-network", pct(d.now.network, d.now.calls, locale), rateNote("network"))}
        {tile(
          t.tiles.p95,
          "tile-p95",
          ms(d.now.p95),
          d.before.p95 === null ? t.tiles.noBefore : interpolate(t.tiles.vsBefore, { change: ms(d.before.p95) }),
        )}
      </div>

      <section className="rounded-card border border-surface-line bg-surface p-4 shadow-card">
        <h2 className="mb-2 text-sm font-semibold text-ink-muted">{t.charts.overTime}</h2>
        {d.keys.length === 0 ? (
          <p className="py-10 text-center text-sm text-ink-muted">{t.charts.none}</p>
        ) : (
          <ErrorsChart rows={rows} keys={d.keys} formatTick={fmtTick} />
        )}
      </section>

      <Table
        title={t.top.title}
        testId="top-errors"
        head={[t.top.error, t.top.operation, t.top.units, t.top.count, t.top.share, t.top.seen, t.top.trend]}
        empty={d.top.length === 0 ? t.top.empty : undefined}
      >
        {d.top.map((e) => (
          <tr key={`${e.key}/${e.operation}`} data-testid="top-error">
            <Td>
              <span className="font-mono font-semibold">{e.key === "network" ? t.top.network : e.key}</span>
              {e.isNew ? (
                <span className="ml-2">
                  <Badge tone="warn">{t.top.isNew}</Badge>
                </span>
              ) : null}
              <Remedy remedy={e.remedy} message={e.message} r={remedies} />
            </Td>
            <Td>{e.operation}</Td>
            <Td className="font-mono text-xs">{e.msns.join(", ") || "—"}</Td>
            <Td className="tabular-nums">{e.count.toLocaleString(intl(locale))}</Td>
            <Td className="tabular-nums">{pct(e.share, 1, locale)}</Td>
            <Td className="text-xs text-ink-muted">
              {formatDateTime(e.firstSeen, locale)}
              <br />
              {formatDateTime(e.lastSeen, locale)}
            </Td>
            <Td>
              <Spark values={e.spark} />
            </Td>
          </tr>
        ))}
      </Table>

      <Table
        title={t.charts.perOperation}
        testId="per-operation"
        head={[
          t.operations.operation,
          t.operations.calls,
          t.operations.errors,
          t.operations.errorRate,
          t.operations.p50,
          t.operations.p95,
        ]}
      >
        {d.operations.map((o) => (
          <tr key={o.operation} className="tabular-nums">
            <Td className="font-medium">{o.operation}</Td>
            <Td>{o.calls.toLocaleString(intl(locale))}</Td>
            <Td>{o.errors.toLocaleString(intl(locale))}</Td>
            <Td>
              <span className="inline-flex items-center gap-2">
                <span className="h-1.5 w-16 overflow-hidden rounded-full bg-surface-sunken">
                  <span
                    className="block h-full bg-bad-fg"
                    style={{ width: `${o.calls ? Math.min(100, (o.errors / o.calls) * 100) : 0}%` }}
                  />
                </span>
                {pct(o.errors, o.calls, locale)}
              </span>
            </Td>
            <Td>{ms(o.p50)}</Td>
            <Td>{ms(o.p95)}</Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
