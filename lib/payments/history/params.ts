// Reads the history page's search params. Every param is validated on its own with zod: a bad one
// becomes a problem shown beside the filters and is left out, the rest still apply. Nothing here
// throws, so no URL typed by hand can turn the page into a 500.
import { z } from "zod";
import type { PaymentStatus } from "@/generated/prisma/enums";
import { parseKroner } from "@/lib/money/amount";
import { decodeCursor, type HistoryCursor } from "@/lib/payments/history/cursor";
import { osloDayStart, parseYmd, presetDays } from "@/lib/payments/history/dates";
import { keyLength } from "@/lib/payments/history/keyset";
import {
  DATE_PRESETS,
  DEFAULT_DIR,
  DEFAULT_SORT,
  PAGE_SIZE,
  PAGE_SIZES,
  PAYMENT_STATUSES,
  SORT_FIELDS,
  type DatePreset,
  type HistorySortField,
  type HistoryUrlState,
  type PageSize,
  type SortDirection,
} from "@/lib/payments/history/url";

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

export type HistoryParamName =
  "msn" | "status" | "range" | "from" | "to" | "min" | "max" | "q" | "sort" | "dir" | "size" | "after" | "before";
export type HistoryProblemCode =
  | "msn"
  | "range"
  | "size"
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
  /** One sales unit, or null for all of the reader's. */
  msn: string | null;
  /** Empty: every status. */
  statuses: PaymentStatus[];
  /** Inclusive lower bound on createdAt. */
  createdFrom: Date | null;
  /** Exclusive upper bound on createdAt (the start of the day after "to"). */
  createdBefore: Date | null;
  /** The same range as Oslo calendar days, both inclusive (YYYY-MM-DD), for the kept daily totals. */
  fromDay: string | null;
  toDay: string | null;
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
  /** Rows per page: one of PAGE_SIZES from a URL (tests and the bench may ask for others). */
  size: number;
  page: HistoryPageRequest;
}

export interface ParsedHistoryParams {
  query: HistoryQuery;
  state: HistoryUrlState;
  /** What the person typed, to show again in the form (also when it was refused); a preset's dates. */
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
const sortSchema = z.enum(SORT_FIELDS);
const rangeSchema = z.enum(DATE_PRESETS);
const sizeSchema = z.enum(PAGE_SIZES.map(String) as [string, ...string[]]);
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

export interface ParseContext {
  /** The sales units the reader may see: any other ?msn= is refused with the same words (no probing). */
  msns: readonly string[];
  /** For the date presets (Oslo days). */
  now: Date;
}

export function parseHistoryParams(raw: RawSearchParams, cursorKey: Buffer, ctx: ParseContext): ParsedHistoryParams {
  const { all, first } = reader(raw);
  const problems: HistoryProblem[] = [];
  const problem = (param: HistoryParamName, code: HistoryProblemCode, value: string) =>
    problems.push({ param, code, value: shorten(value) });

  let msn = first("msn");
  if (msn !== undefined && !ctx.msns.includes(msn)) {
    problem("msn", "msn", msn);
    msn = undefined;
  }

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
  const rangeRaw = first("range");
  let range: DatePreset | undefined;
  if (rangeRaw !== undefined) {
    const parsed = rangeSchema.safeParse(rangeRaw);
    if (parsed.success) range = parsed.data;
    else problem("range", "range", rangeRaw);
  }
  let from = date("from");
  let to = date("to");
  // The form sends the preset (hidden) with the dates it shows: unchanged dates keep the preset, so
  // "today" stays today in a saved link; edited dates replace it.
  if (range && (from !== undefined || to !== undefined)) {
    const p = presetDays(range, ctx.now);
    if (from === p.from && to === p.to) from = to = undefined;
    else range = undefined;
  }
  if (from && to && from > to) {
    problem("to", "dateOrder", `${from} > ${to}`);
    from = to = undefined;
  }
  const days = range ? presetDays(range, ctx.now) : { from, to };

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
  const sizeRaw = first("size");
  let size: PageSize = PAGE_SIZE;
  if (sizeRaw !== undefined) {
    if (sizeSchema.safeParse(sizeRaw).success) size = Number(sizeRaw) as PageSize;
    else problem("size", "size", sizeRaw);
  }

  // Paging: at most one cursor, made by us, for this sales-unit filter and this sort. Otherwise the first page.
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
    else if (
      cursor.msn !== (msn ?? "") ||
      cursor.sort !== sort ||
      cursor.dir !== dir ||
      cursor.key.length !== keyLength(sort)
    )
      problem(param, "cursorMismatch", token);
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
        msn: msn ?? null,
        statuses: status,
        createdFrom: days.from ? osloDayStart(days.from) : null,
        createdBefore: days.to ? osloDayStart(days.to, 1) : null,
        fromDay: days.from ?? null,
        toDay: days.to ?? null,
        minOre: min?.ore ?? null,
        maxOre: max?.ore ?? null,
        text: q ?? null,
      },
      sort,
      dir,
      size,
      page,
    },
    state: { msn, status, range, from, to, min: min?.text, max: max?.text, q, sort, dir, size, after, before },
    input: {
      from: range ? (days.from ?? "") : (first("from") ?? "").slice(0, MAX_TEXT),
      to: range ? (days.to ?? "") : (first("to") ?? "").slice(0, MAX_TEXT),
      min: (first("min") ?? "").slice(0, MAX_TEXT),
      max: (first("max") ?? "").slice(0, MAX_TEXT),
      q: (first("q") ?? "").slice(0, MAX_TEXT),
    },
    problems,
  };
}

/** Whether any filter narrows the set (for the empty-state wording). */
export function hasFilters(f: HistoryFilters): boolean {
  return (
    f.msn !== null ||
    f.statuses.length > 0 ||
    f.createdFrom !== null ||
    f.createdBefore !== null ||
    f.minOre !== null ||
    f.maxOre !== null ||
    f.text !== null
  );
}
