// The history page's URL contract, both ways: what the page reads (params.ts) and the links it
// writes (here). Pure, so links can be built anywhere and tested without a server.
import type { PaymentStatus } from "@/generated/prisma/enums";

/** Display order of statuses: the life of a payment, then the dead ends (also the enum's order). */
export const PAYMENT_STATUSES = [
  "initiated",
  "reserved",
  "partially_captured",
  "captured",
  "partially_refunded",
  "refunded",
  "cancelled",
  "voided",
  "failed",
] as const satisfies readonly PaymentStatus[];

export const SORT_FIELDS = ["date", "amount", "status", "captured", "refunded"] as const;
export type HistorySortField = (typeof SORT_FIELDS)[number];
export type SortDirection = "asc" | "desc";

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const PAGE_SIZE: PageSize = 50;

/** Date presets, resolved in Oslo time when the page is read (so a saved link keeps meaning "today"). */
export const DATE_PRESETS = ["today", "7d", "30d", "month"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DEFAULT_SORT: HistorySortField = "date";
export const DEFAULT_DIR: SortDirection = "desc";

export type CsvFormat = "standard" | "excel";

/** The validated URL state: only values that were accepted, so links never carry a bad one forward. */
export interface HistoryUrlState {
  /** One sales unit; absent: all of the reader's. */
  msn?: string;
  status: PaymentStatus[];
  range?: DatePreset;
  from?: string;
  to?: string;
  min?: string;
  max?: string;
  q?: string;
  sort: HistorySortField;
  dir: SortDirection;
  size: PageSize;
  after?: string;
  before?: string;
}

export const EMPTY_STATE: HistoryUrlState = { status: [], sort: DEFAULT_SORT, dir: DEFAULT_DIR, size: PAGE_SIZE };

export function historySearchParams(state: HistoryUrlState): URLSearchParams {
  const sp = new URLSearchParams();
  if (state.msn) sp.set("msn", state.msn);
  for (const s of PAYMENT_STATUSES) if (state.status.includes(s)) sp.append("status", s);
  // A preset stands for its dates; explicit dates only without one.
  if (state.range) sp.set("range", state.range);
  for (const key of [...(state.range ? [] : (["from", "to"] as const)), "min", "max", "q"] as const) {
    const value = state[key];
    if (value) sp.set(key, value);
  }
  // Defaults stay out of the URL so the plain /history is the canonical first page.
  if (state.sort !== DEFAULT_SORT) sp.set("sort", state.sort);
  if (state.dir !== DEFAULT_DIR) sp.set("dir", state.dir);
  if (state.size !== PAGE_SIZE) sp.set("size", String(state.size));
  if (state.after) sp.set("after", state.after);
  else if (state.before) sp.set("before", state.before);
  return sp;
}

const withQuery = (path: string, sp: URLSearchParams) => {
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
};

/**
 * A link to the history page with some of the state changed. Any change other than paging starts
 * from the first page again: a cursor is a position in one particular ordering and filter.
 */
export function historyHref(state: HistoryUrlState, change: Partial<HistoryUrlState> = {}): string {
  const next: HistoryUrlState = { ...state, ...change, after: change.after, before: change.before };
  return withQuery("/history", historySearchParams(next));
}

/** The same filters and sort as CSV; the export always covers the whole filtered set. */
export function historyExportHref(state: HistoryUrlState, format: CsvFormat = "standard"): string {
  const sp = historySearchParams({ ...state, size: PAGE_SIZE, after: undefined, before: undefined });
  if (format === "excel") sp.set("format", "excel");
  return withQuery("/api/history/export", sp);
}

export function toggleStatus(selected: readonly PaymentStatus[], status: PaymentStatus): PaymentStatus[] {
  return selected.includes(status) ? selected.filter((s) => s !== status) : [...selected, status];
}
