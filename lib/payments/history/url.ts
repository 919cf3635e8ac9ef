// The history page's URL contract, both ways: what the page reads (history-params.ts) and the links
// it writes (here). Pure, so links can be built anywhere and tested without a server.
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { HistorySortField, SortDirection } from "@/lib/payments/history/cursor";

/** Display order of statuses: the life of a payment, then the dead ends. */
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

export const PAGE_SIZE = 50;
export const DEFAULT_SORT: HistorySortField = "date";
export const DEFAULT_DIR: SortDirection = "desc";

/** The validated URL state: only values that were accepted, so links never carry a bad one forward. */
export interface HistoryUrlState {
  status: PaymentStatus[];
  from?: string;
  to?: string;
  min?: string;
  max?: string;
  q?: string;
  sort: HistorySortField;
  dir: SortDirection;
  after?: string;
  before?: string;
}

export const EMPTY_STATE: HistoryUrlState = { status: [], sort: DEFAULT_SORT, dir: DEFAULT_DIR };

export function historySearchParams(state: HistoryUrlState): URLSearchParams {
  const sp = new URLSearchParams();
  for (const s of PAYMENT_STATUSES) if (state.status.includes(s)) sp.append("status", s);
  for (const key of ["from", "to", "min", "max", "q"] as const) {
    const value = state[key];
    if (value) sp.set(key, value);
  }
  // Defaults stay out of the URL so the plain /history/{msn} is the canonical first page.
  if (state.sort !== DEFAULT_SORT) sp.set("sort", state.sort);
  if (state.dir !== DEFAULT_DIR) sp.set("dir", state.dir);
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
export function historyHref(msn: string, state: HistoryUrlState, change: Partial<HistoryUrlState> = {}): string {
  const next: HistoryUrlState = { ...state, ...change, after: change.after, before: change.before };
  return withQuery(`/history/${encodeURIComponent(msn)}`, historySearchParams(next));
}

/** The same filters and sort as CSV; the export always covers the whole filtered set. */
export function historyExportHref(msn: string, state: HistoryUrlState): string {
  return withQuery(
    `/api/history/${encodeURIComponent(msn)}/export`,
    historySearchParams({ ...state, after: undefined, before: undefined }),
  );
}

export function toggleStatus(selected: readonly PaymentStatus[], status: PaymentStatus): PaymentStatus[] {
  return selected.includes(status) ? selected.filter((s) => s !== status) : [...selected, status];
}
