// Oslo wall-clock time for the demo's API story: traffic follows the shops' opening hours and the
// incidents happen at an Oslo time of day, summer or winter.
const OSLO = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  hourCycle: "h23",
  weekday: "short",
});
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface OsloParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function osloParts(ms: number): OsloParts {
  const parts = Object.fromEntries(OSLO.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

/** The instant it is hh:mm in Oslo on the Oslo date `daysAgo` days before `now` (CET or CEST). */
export function osloTime(now: number, daysAgo: number, hh: number, mm: number): number {
  const d = osloParts(now - daysAgo * DAY);
  const winter = Date.UTC(d.year, d.month - 1, d.day, hh, mm) - HOUR;
  return osloParts(winter).hour === hh ? winter : winter - HOUR;
}
