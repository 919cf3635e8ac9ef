// The results table (console) and the JSON written to .data/bench/payments.json.
import type { Summary } from "./stats";

export const fmt = (s: Summary | undefined) =>
  s ? `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)}${s.truncated ? ` (n=${s.n})` : ""}` : "—";

export function table(head: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "—" : String(c))))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  // Numbers (and "p50 / p95 / p99" cells) right-aligned, text left-aligned.
  const numeric = head.map((_, i) => i > 0 && cells.slice(1).every((r) => /^[-—\d.,/ ()n=sokMIS]*$/.test(r[i] ?? "")));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => "─".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export const verdict = (value: number | null | undefined, target: number) =>
  value === null || value === undefined ? "—" : value <= target ? "ok" : "MISS";

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
