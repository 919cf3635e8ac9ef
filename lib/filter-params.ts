// Reading a GET filter form's fields from the URL (the request log, the audit trail). Pure and
// client-safe. A value that cannot be used is left out and reported, so the page can say which one
// was ignored while the rest of the filter still applies.

export type RawParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; undefined when absent or blank. */
export const firstParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export function paramReader<F extends string>(raw: RawParams, invalid: (field: F) => void) {
  return {
    /** A free value that must match `pattern`. */
    text(field: F, pattern: RegExp): string | undefined {
      const v = firstParam(raw[field]);
      if (v === undefined) return undefined;
      if (pattern.test(v)) return v;
      invalid(field);
      return undefined;
    },
    /** One of a closed list. */
    choice<T extends string>(field: F, values: readonly T[]): T | undefined {
      const v = firstParam(raw[field]);
      if (v === undefined) return undefined;
      if ((values as readonly string[]).includes(v)) return v as T;
      invalid(field);
      return undefined;
    },
  };
}
