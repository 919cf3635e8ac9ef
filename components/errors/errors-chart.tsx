"use client";
// Errors over time, stacked by error key (Recharts; loaded only on /errors, see error-dashboard.tsx).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#c2410c", "#1d4ed8", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#4b5563"];

export default function ErrorsChart({
  rows,
  keys,
  formatTick,
}: {
  rows: Record<string, number | string>[];
  keys: string[];
  formatTick: (at: string) => string;
}) {
  const shown = keys.slice(0, COLORS.length);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
        <XAxis dataKey="at" tickFormatter={formatTick} minTickGap={24} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip labelFormatter={(v) => formatTick(String(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {shown.map((k, i) => (
          <Bar key={k} dataKey={k} stackId="errors" fill={COLORS[i]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
