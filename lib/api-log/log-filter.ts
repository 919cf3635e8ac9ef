// The request log's filters (/api-log and its CSV) as the URL holds them. Pure and client-safe: the
// page, the export and the dashboard's chart links all read and write the same parameters. A value
// that cannot be used is left out with a specific error for the form; the rest still applies.
import { firstParam, paramReader, type RawParams } from "@/lib/filter-params";
import { parseTimeRange, timeRangeParams, type TimeRange, type TimeRangeError } from "./time-range";

export const STATUS_CLASSES = ["errors", "2xx", "3xx", "4xx", "5xx", "network"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export const SOURCES = ["app", "shop", "callback"] as const;
export type Source = (typeof SOURCES)[number];
const ENVS = ["simulator", "test", "production"] as const;

/** errorCode meaning "no code": gateway answers and bodies without one. */
export const NO_CODE = "-";

export interface LogFilter {
  time: TimeRange;
  environment?: (typeof ENVS)[number];
  msn?: string;
  operation?: string;
  source?: Source;
  /** A class, or one HTTP status ("429"). */
  status?: StatusClass | number;
  errorGroup?: string;
  /** A code, or NO_CODE. */
  errorCode?: string;
  orderId?: string;
  requestId?: string;
  contextId?: string;
}

export type LogFilterField = "range" | "msn" | "op" | "status" | "group" | "code" | "order" | "rid" | "ctx";
export type LogFilterError =
  { field: "range"; error: TimeRangeError } | { field: Exclude<LogFilterField, "range">; error: "invalid" };

// What each text field may hold: the column's size and characters Vipps and shops use.
const PATTERNS: Record<Exclude<LogFilterField, "range" | "status">, RegExp> = {
  msn: /^\d{5,7}$/,
  op: /^[a-zA-Z]{1,40}$/,
  group: /^[A-Za-z]{1,40}$/,
  // "-": no code.
  code: /^(?:-|[A-Za-z0-9_.-]{1,40})$/,
  order: /^[A-Za-z0-9._-]{1,50}$/,
  rid: /^[A-Za-z0-9._:-]{1,40}$/,
  ctx: /^[A-Za-z0-9._:-]{1,100}$/,
};

export function parseLogParams(raw: RawParams, now: Date): { filter: LogFilter; errors: LogFilterError[] } {
  const errors: LogFilterError[] = [];
  const { time, error } = parseTimeRange(
    { range: firstParam(raw.range), from: firstParam(raw.from), to: firstParam(raw.to) },
    now,
  );
  if (error) errors.push({ field: "range", error });
  const filter: LogFilter = { time };
  const read = paramReader<Exclude<LogFilterField, "range">>(raw, (field) => errors.push({ field, error: "invalid" }));
  const text = (field: Exclude<LogFilterField, "range" | "status">) => read.text(field, PATTERNS[field]);
  const env = firstParam(raw.env);
  if (ENVS.includes(env as LogFilter["environment"] & string)) filter.environment = env as LogFilter["environment"];
  const source = firstParam(raw.source);
  if (SOURCES.includes(source as Source)) filter.source = source as Source;
  const status = firstParam(raw.status);
  if (status !== undefined) {
    if (STATUS_CLASSES.includes(status as StatusClass)) filter.status = status as StatusClass;
    else if (/^[1-5]\d\d$/.test(status)) filter.status = Number(status);
    else errors.push({ field: "status", error: "invalid" });
  }
  const set = <K extends keyof LogFilter>(key: K, value: LogFilter[K] | undefined) => {
    if (value !== undefined) filter[key] = value;
  };
  set("msn", text("msn"));
  set("operation", text("op"));
  set("errorGroup", text("group"));
  set("errorCode", text("code"));
  set("orderId", text("order"));
  set("requestId", text("rid"));
  set("contextId", text("ctx"));
  return { filter, errors };
}

/** The filter as URL parameters (the inverse of parseLogParams). */
export function logParams(f: LogFilter): Record<string, string> {
  const p: Record<string, string> = { ...timeRangeParams(f.time) };
  if (f.environment) p.env = f.environment;
  if (f.msn) p.msn = f.msn;
  if (f.operation) p.op = f.operation;
  if (f.source) p.source = f.source;
  if (f.status !== undefined) p.status = String(f.status);
  if (f.errorGroup) p.group = f.errorGroup;
  if (f.errorCode) p.code = f.errorCode;
  if (f.orderId) p.order = f.orderId;
  if (f.requestId) p.rid = f.requestId;
  if (f.contextId) p.ctx = f.contextId;
  return p;
}

export function logHref(f: LogFilter, extra: Record<string, string> = {}): string {
  return `/api-log?${new URLSearchParams({ ...logParams(f), ...extra }).toString()}`;
}

/**
 * The calls behind one of the dashboard's error keys (rollup values: "" for none, status 0 for no
 * answer): "Payment/61" by group and code whatever the status, "HTTP 401" by status.
 */
export function keyFilter(parts: { errorGroup: string; errorCode: string; httpStatus: number } | undefined) {
  const f: Partial<LogFilter> = {};
  if (!parts || parts.httpStatus === 0) f.status = "network";
  else if (parts.errorGroup && parts.errorCode)
    Object.assign(f, { errorGroup: parts.errorGroup, errorCode: parts.errorCode });
  else
    Object.assign(f, {
      status: parts.httpStatus,
      ...(parts.errorGroup ? { errorGroup: parts.errorGroup } : {}),
      errorCode: parts.errorCode || NO_CODE,
    });
  return f;
}
