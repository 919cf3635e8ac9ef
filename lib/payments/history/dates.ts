// Calendar dates as a person in Norway means them. A filter "from 2026-03-29" starts at midnight in
// Oslo, which is 23:00 or 22:00 UTC the day before depending on summer time; no library needed,
// Intl knows the offsets.
import { TIME_ZONE } from "@/lib/format";

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Oslo's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function osloOffsetMs(instant: number): number {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** "2026-03-29" → its parts, or null when it is not a real calendar date in 2000–2099. */
export function parseYmd(value: string): { y: number; m: number; d: number } | null {
  const match = YMD.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 2000 || y > 2099) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** The instant an Oslo calendar day begins. `dayOffset` 1 gives the start of the next day. */
export function osloDayStart(value: string, dayOffset = 0): Date | null {
  const ymd = parseYmd(value);
  if (!ymd) return null;
  const wallMidnight = Date.UTC(ymd.y, ymd.m - 1, ymd.d + dayOffset);
  // Two passes: the offset at the guessed instant may differ from the one at the answer when the
  // day is a DST change (Oslo changes at 02:00/03:00 local, so midnight itself always exists).
  let instant = wallMidnight - osloOffsetMs(wallMidnight);
  instant = wallMidnight - osloOffsetMs(instant);
  return new Date(instant);
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * "2026-03-29T14:30" (what <input type="datetime-local"> sends) or "2026-03-29" as Oslo wall-clock
 * time → the instant; null when it is not a real time. A wall time that does not exist (02:30 on the
 * night summer time starts) is read as the instant one hour later, as a clock would show it.
 */
export function osloLocalTime(value: string): Date | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const ymd = parseYmd(match[1]!);
  const [h, min] = [Number(match[2] ?? 0), Number(match[3] ?? 0)];
  if (!ymd || h > 23 || min > 59) return null;
  const wall = Date.UTC(ymd.y, ymd.m - 1, ymd.d, h, min);
  let instant = wall - osloOffsetMs(wall);
  instant = wall - osloOffsetMs(instant);
  return new Date(instant);
}

/** The instant as Oslo wall-clock time for <input type="datetime-local">: "2026-03-29T14:30". */
export function osloLocalInput(at: Date): string {
  return osloDateTime(at).slice(0, 16).replace(" ", "T");
}

/** "2026-03-29 01:30:00": Oslo wall-clock time, sortable, for spreadsheets. */
export function osloDateTime(at: Date): string {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's date in Oslo as YYYY-MM-DD (for file names). */
export function osloDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** "2026-03-01" plus `days` calendar days (negative: back), as YYYY-MM-DD. */
export function addDays(ymd: string, days: number): string {
  const p = parseYmd(ymd);
  if (!p) throw new RangeError(`not a date: ${ymd}`);
  return new Date(Date.UTC(p.y, p.m - 1, p.d + days)).toISOString().slice(0, 10);
}

/**
 * A date preset as Oslo calendar days, both inclusive: today; 7 and 30 days ending today; this
 * month from its first day to today.
 */
export function presetDays(preset: "today" | "7d" | "30d" | "month", now: Date): { from: string; to: string } {
  const today = osloDate(now);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}
