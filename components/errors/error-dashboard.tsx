"use client";
// The error dashboard as it lives on screen: tiles against the previous period, errors over time
// (the chart's code loads only here), per operation, and the top errors. Refetched every 3 seconds
// while "live" is on (TanStack Query), so a new error shows without a reload; pause stops it.
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Remedy } from "./remedy-card";
import { Table, Td } from "@/components/ui/table";
import { readErrorDashboardAction } from "@/lib/actions/api-errors/read-error-dashboard";
import { LIVE_REFRESH_MS, type Dashboard, type Totals } from "@/lib/api-errors/dashboard-types";
import { keyFilter, logHref, type LogFilter } from "@/lib/api-log/log-filter";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";

const ErrorsChart = dynamic(() => import("./errors-chart"), {
  ssr: false,
  loading: () => <div className="h-[260px] animate-pulse rounded-lg bg-surface-sunken" />,
});
const OperationCharts = dynamic(() => import("./errors-chart").then((m) => m.OperationCharts), {
  ssr: false,
  loading: () => <div className="h-[160px] animate-pulse rounded-lg bg-surface-sunken" />,
});

type Params = { range?: string; from?: string; to?: string; env?: string; msn?: string; op?: string };

/** The request log for part of what the dashboard shows: a period, the page's filters and more. */
function requestsHref(params: Params, from: Date, to: Date, extra: Partial<LogFilter>): string {
  return logHref({
    time: { range: "custom", from, to },
    ...(params.env ? { environment: params.env as LogFilter["environment"] } : {}),
    ...(params.msn ? { msn: params.msn } : {}),
    ...(params.op ? { operation: params.op } : {}),
    ...extra,
  });
}

type T = Dictionary["errors"];

const intl = (locale: Locale) => (locale === "nb" ? "nb-NO" : "en-GB");

function pct(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return "—";
  const f = new Intl.NumberFormat(intl(locale), { style: "percent", maximumFractionDigits: 1 });
  // A few errors in many calls are not "0 %".
  return part > 0 && part / whole < 0.0005 ? `< ${f.format(0.001)}` : f.format(part / whole);
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

export function ErrorDashboard({
  initial,
  params,
  t,
  remedies,
  locale,
}: {
  initial: Dashboard;
  params: Params;
  t: T;
  /** The remedy catalogue's words in the user's language (sent once with the page). */
  remedies: Dictionary["remedies"];
  locale: Locale;
}) {
  const router = useRouter();
  // A custom period that has ended cannot change: nothing to refresh.
  const [live, setLive] = useState(!(params.to && new Date(params.to) < new Date(initial.readAt)));
  const { data } = useQuery({
    queryKey: ["error-dashboard", params],
    queryFn: async () => (await readErrorDashboardAction(params))?.data ?? initial,
    initialData: initial,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
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
      ...(d.stepMs >= 86_400_000
        ? { day: "numeric", month: "short" }
        : d.stepMs >= 3_600_000
          ? { day: "numeric", month: "short", hour: "2-digit" }
          : { hour: "2-digit", minute: "2-digit" }),
    }).format(new Date(at));
  const rows = d.series.map((b) => ({ at: new Date(b.at).toISOString(), ...b.counts }));
  const [from, to] = [new Date(d.from), new Date(d.to)];
  const inRange = (extra: Partial<LogFilter>) => requestsHref(params, from, to, extra);
  const openBucket = (at: string, key: string) => {
    const start = new Date(at);
    router.push(requestsHref(params, start, new Date(start.getTime() + d.stepMs), keyFilter(d.keyParts[key])));
  };
  const percent = (v: number) =>
    new Intl.NumberFormat(intl(locale), { style: "percent", maximumFractionDigits: 1 }).format(v / 100);
  const opBars = d.operations.map((o) => ({
    operation: o.operation,
    errorRate: o.calls ? Math.round((o.errors / o.calls) * 1000) / 10 : 0,
    p50: o.p50 === Infinity ? 12_800 : o.p50,
    p95: o.p95 === Infinity ? 12_800 : o.p95,
  }));
  const link = "text-xs font-medium text-brand-700 underline-offset-2 hover:underline";

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

      <section
        data-testid="chart-over-time"
        className="rounded-card border border-surface-line bg-surface p-4 shadow-card"
      >
        <h2 className="mb-2 text-sm font-semibold text-ink-muted">{t.charts.overTime}</h2>
        {d.keys.length === 0 ? (
          <p className="py-10 text-center text-sm text-ink-muted">{t.charts.none}</p>
        ) : (
          <>
            <ErrorsChart rows={rows} keys={d.keys} formatTick={fmtTick} onSelect={openBucket} />
            <p className="mt-1 text-xs text-ink-muted">{t.charts.clickHint}</p>
          </>
        )}
      </section>

      {d.operations.length ? (
        <section className="rounded-card border border-surface-line bg-surface p-4 shadow-card">
          <OperationCharts
            rows={opBars}
            labels={{ errorRate: t.charts.errorRate, latency: t.charts.latency, p50: "p50", p95: "p95", percent }}
            onSelect={(operation) => router.push(inRange({ operation, status: "errors" }))}
          />
        </section>
      ) : null}

      <Table
        title={t.top.title}
        testId="top-errors"
        head={[t.top.error, t.top.operation, t.top.units, t.top.count, t.top.share, t.top.seen, t.top.trend]}
        empty={d.top.length === 0 ? t.top.empty : undefined}
      >
        {d.top.map((e) => (
          <tr key={`${e.key}/${e.operation}`} data-testid="top-error">
            <Td data-wrap>
              <span className="font-mono font-semibold">{e.key === "network" ? t.top.network : e.key}</span>
              {e.isNew ? (
                <span className="ml-2">
                  <Badge tone="warn">{t.top.isNew}</Badge>
                </span>
              ) : null}
              <Remedy remedy={e.remedy} message={e.message} r={remedies} />
              <Link
                href={inRange({ operation: e.operation, ...keyFilter(e) })}
                className={link}
                data-testid="top-error-requests"
              >
                {t.top.requests} →
              </Link>
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
            <Td>
              {o.errors ? (
                <Link href={inRange({ operation: o.operation, status: "errors" })} className={link}>
                  {o.errors.toLocaleString(intl(locale))}
                </Link>
              ) : (
                0
              )}
            </Td>
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
