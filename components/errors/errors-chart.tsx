"use client";
// The dashboard's charts (Recharts; this module loads only on /errors, see error-dashboard.tsx):
// errors over time stacked by error key, error rate per operation, latency p50/p95 per operation.
// A click on a segment or a bar opens the matching requests in the request log.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#c2410c", "#1d4ed8", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#4b5563"];
const GRID = "#e5e7eb";
const tick = { fontSize: 11 };

export default function ErrorsChart({
  rows,
  keys,
  formatTick,
  onSelect,
}: {
  rows: Record<string, number | string>[];
  keys: string[];
  formatTick: (at: string) => string;
  /** A segment was clicked: its bucket (ISO start) and error key. */
  onSelect: (at: string, key: string) => void;
}) {
  const shown = keys.slice(0, COLORS.length);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
        <XAxis dataKey="at" tickFormatter={formatTick} minTickGap={24} tick={tick} />
        <YAxis allowDecimals={false} tick={tick} />
        <Tooltip labelFormatter={(v) => formatTick(String(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {shown.map((k, i) => (
          <Bar
            key={k}
            dataKey={k}
            stackId="errors"
            fill={COLORS[i]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(bar) => onSelect(String((bar.payload as { at: string }).at), k)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface OperationBar {
  operation: string;
  /** Percent, 0–100. */
  errorRate: number;
  p50: number | null;
  p95: number | null;
}

/** Error rate per operation and latency p50/p95 per operation, side by side. */
export function OperationCharts({
  rows,
  labels,
  onSelect,
}: {
  rows: OperationBar[];
  labels: { errorRate: string; latency: string; p50: string; p95: string; percent: (v: number) => string };
  /** An operation's error bar was clicked. */
  onSelect: (operation: string) => void;
}) {
  const height = Math.max(120, rows.length * 32 + 40);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure data-testid="chart-error-rate">
        <figcaption className="mb-2 text-sm font-semibold text-ink-muted">{labels.errorRate}</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={GRID} />
            <XAxis type="number" tick={tick} tickFormatter={(v: number) => labels.percent(v)} />
            <YAxis type="category" dataKey="operation" width={88} tick={tick} />
            <Tooltip formatter={(v) => labels.percent(Number(v))} />
            <Bar
              dataKey="errorRate"
              name={labels.errorRate}
              fill="#b91c1c"
              isAnimationActive={false}
              cursor="pointer"
              onClick={(bar) => onSelect(String((bar.payload as OperationBar).operation))}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure data-testid="chart-latency">
        <figcaption className="mb-2 text-sm font-semibold text-ink-muted">{labels.latency}</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={GRID} />
            <XAxis type="number" tick={tick} unit=" ms" />
            <YAxis type="category" dataKey="operation" width={88} tick={tick} />
            <Tooltip formatter={(v) => `${String(v)} ms`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="p50" name={labels.p50} fill="#1d4ed8" isAnimationActive={false} />
            <Bar dataKey="p95" name={labels.p95} fill="#7e22ce" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
