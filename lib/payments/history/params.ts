// Reads the history page's search params. Every param is validated on its own with zod: a bad one
// becomes a problem shown beside the filters and is left out, the rest still apply. Nothing here
// throws, so no URL typed by hand can turn the page into a 500.
import { z } from "zod";
import type { PaymentStatus } from "@/generated/prisma/enums";
import { parseKroner } from "@/lib/money/amount";
import {
  decodeCursor,
  type HistoryCursor,
  type HistorySortField,
  type SortDirection,
} from "@/lib/payments/history/cursor";
import { osloDayStart, parseYmd } from "@/lib/payments/history/dates";
import { DEFAULT_DIR, DEFAULT_SORT, PAYMENT_STATUSES, type HistoryUrlState } from "@/lib/payments/history/url";

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

export type HistoryParamName = "status" | "from" | "to" | "min" | "max" | "q" | "sort" | "dir" | "after" | "before";
export type HistoryProblemCode =
  | "status"
  | "date"
  | "dateOrder"
  | "amount"
  | "amountTooLarge"
  | "amountOrder"
  | "text"
  | "sort"
  | "dir"
  | "cursor"
  | "cursorMismatch"
  | "cursorBoth";

export interface HistoryProblem {
  param: HistoryParamName;
  code: HistoryProblemCode;
  /** The offending value, shortened for display. */
  value: string;
}

export interface HistoryFilters {
  /** Empty: every status. */
  statuses: PaymentStatus[];
  /** Inclusive lower bound on createdAt. */
  createdFrom: Date | null;
  /** Exclusive upper bound on createdAt (the start of the day after "to"). */
  createdBefore: Date | null;
  minOre: number | null;
  maxOre: number | null;
  /** orderId prefix or transactionText substring, case-insensitive. */
  text: string | null;
}

export type HistoryPageRequest = { after: HistoryCursor } | { before: HistoryCursor } | null;

export interface HistoryQuery {
  filters: HistoryFilters;
  sort: HistorySortField;
  dir: SortDirection;
  page: HistoryPageRequest;
}

export interface ParsedHistoryParams {
  query: HistoryQuery;
  state: HistoryUrlState;
  /** What the person typed, to show again in the form (also when it was refused). */
  input: { from: string; to: string; min: string; max: string; q: string };
  problems: HistoryProblem[];
}

const MAX_TEXT = 100;

const statusSchema = z.enum(PAYMENT_STATUSES);
const dateSchema = z.string().refine((v) => parseYmd(v) !== null);
const textSchema = z
  .string()
  .max(MAX_TEXT)
  // Control characters cannot be typed into the box; they only come from crafted URLs.
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v));
const sortSchema = z.enum(["date", "amount"]);
const dirSchema = z.enum(["asc", "desc"]);
const cursorTokenSchema = z.string().min(1).max(300);

function reader(raw: RawSearchParams) {
  const all = (name: string): string[] => {
    if (raw instanceof URLSearchParams) return raw.getAll(name);
    const v = raw[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  // A repeated single-valued param (?q=a&q=b) takes the first; empty means absent, which is what
  // a GET form sends for a field left blank.
  const first = (name: string): string | undefined => {
    const v = all(name)[0]?.trim();
    return v ? v : undefined;
  };
  return { all, first };
}

const shorten = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);

export function parseHistoryParams(msn: string, raw: RawSearchParams, cursorKey: Buffer): ParsedHistoryParams {
  const { all, first } = reader(raw);
  const problems: HistoryProblem[] = [];
  const problem = (param: HistoryParamName, code: HistoryProblemCode, value: string) =>
    problems.push({ param, code, value: shorten(value) });

  // status: repeated (?status=a&status=b, as checkboxes send it) or comma-separated.
  const statuses = new Set<PaymentStatus>();
  for (const value of all("status").flatMap((v) => v.split(","))) {
    const trimmed = value.trim();
    if (!trimmed) continue;
    const parsed = statusSchema.safeParse(trimmed);
    if (parsed.success) statuses.add(parsed.data);
    else problem("status", "status", trimmed);
  }

  const date = (name: "from" | "to") => {
    const v = first(name);
    if (v === undefined) return undefined;
    if (dateSchema.safeParse(v).success) return v;
    problem(name, "date", v);
    return undefined;
  };
  let from = date("from");
  let to = date("to");
  if (from && to && from > to) {
    problem("to", "dateOrder", `${from} > ${to}`);
    from = to = undefined;
  }

  const amount = (name: "min" | "max") => {
    const v = first(name);
    if (v === undefined) return undefined;
    const parsed = v.length > 30 ? null : parseKroner(v);
    if (parsed?.ok) return { text: v, ore: parsed.ore };
    if (parsed?.problem === "zero") return { text: v, ore: 0 };
    problem(name, parsed?.problem === "too_large" ? "amountTooLarge" : "amount", v);
    return undefined;
  };
  let min = amount("min");
  let max = amount("max");
  if (min && max && min.ore > max.ore) {
    problem("max", "amountOrder", `${min.text} > ${max.text}`);
    min = max = undefined;
  }

  let q = first("q");
  if (q !== undefined && !textSchema.safeParse(q).success) {
    problem("q", "text", q);
    q = undefined;
  }

  const choice = <T extends string>(name: "sort" | "dir", schema: z.ZodType<T>, fallback: T): T => {
    const v = first(name);
    if (v === undefined) return fallback;
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data;
    problem(name, name, v);
    return fallback;
  };
  const sort = choice<HistorySortField>("sort", sortSchema, DEFAULT_SORT);
  const dir = choice<SortDirection>("dir", dirSchema, DEFAULT_DIR);

  // Paging: at most one cursor, made by us, for this MSN and this sort. Otherwise the first page.
  let page: HistoryPageRequest = null;
  let after: string | undefined;
  let before: string | undefined;
  const afterRaw = first("after");
  const beforeRaw = first("before");
  if (afterRaw && beforeRaw) problem("after", "cursorBoth", "after + before");
  else if (afterRaw || beforeRaw) {
    const token = (afterRaw ?? beforeRaw) as string;
    const param = afterRaw ? "after" : "before";
    const cursor = cursorTokenSchema.safeParse(token).success ? decodeCursor(token, cursorKey) : null;
    if (!cursor) problem(param, "cursor", token);
    else if (cursor.msn !== msn || cursor.sort !== sort || cursor.dir !== dir) problem(param, "cursorMismatch", token);
    else if (afterRaw) {
      page = { after: cursor };
      after = token;
    } else {
      page = { before: cursor };
      before = token;
    }
  }

  const status = PAYMENT_STATUSES.filter((s) => statuses.has(s));
  return {
    query: {
      filters: {
        statuses: status,
        createdFrom: from ? osloDayStart(from) : null,
        createdBefore: to ? osloDayStart(to, 1) : null,
        minOre: min?.ore ?? null,
        maxOre: max?.ore ?? null,
        text: q ?? null,
      },
      sort,
      dir,
      page,
    },
    state: { status, from, to, min: min?.text, max: max?.text, q, sort, dir, after, before },
    input: {
      from: (first("from") ?? "").slice(0, MAX_TEXT),
      to: (first("to") ?? "").slice(0, MAX_TEXT),
      min: (first("min") ?? "").slice(0, MAX_TEXT),
      max: (first("max") ?? "").slice(0, MAX_TEXT),
      q: (first("q") ?? "").slice(0, MAX_TEXT),
    },
    problems,
  };
}

/** Whether any filter other than status narrows the set (for the empty-state wording). */
export function hasFilters(f: HistoryFilters): boolean {
  return (
    f.statuses.length > 0 ||
    f.createdFrom !== null ||
    f.createdBefore !== null ||
    f.minOre !== null ||
    f.maxOre !== null ||
    f.text !== null
  );
}
