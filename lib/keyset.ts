// Keyset pages over rows ordered newest first by (at, id) — the request log and the audit trail. A
// cursor is the position of a row ("<epoch ms>_<id>"); "after" reads older rows, "before" newer ones,
// so neither direction skips or repeats a row, also among rows of the same millisecond. Pure: the
// caller reads the rows (a Prisma findMany with `seek` ANDed to its own filter).

export interface Position {
  at: Date;
  id: bigint;
}

/** Not secret: it only moves within the reader's own filter and scope. */
export const cursorOf = (row: Position) => `${row.at.getTime()}_${row.id}`;

export function parseCursor(value: string | undefined): Position | null {
  const m = value ? /^(\d{1,15})_(\d{1,19})$/.exec(value) : null;
  return m ? { at: new Date(Number(m[1])), id: BigInt(m[2]!) } : null;
}

/** A where fragment valid for any model with `at` and `id`. */
export type Seek =
  | { OR: [{ at: { lt: Date } }, { at: Date; id: { lt: bigint } }] }
  | { OR: [{ at: { gt: Date } }, { at: Date; id: { gt: bigint } }] };

export interface KeysetRead {
  /** Rows past the cursor (none on the first page). */
  seek: Seek | null;
  order: "asc" | "desc";
  take: number;
}

export interface KeysetPage<R> {
  rows: R[];
  /** Cursors for the neighbouring pages, or null when there is none. */
  newer: string | null;
  older: string | null;
}

export async function keysetPage<R extends Position>(
  read: (q: KeysetRead) => Promise<R[]>,
  page: { after?: string; before?: string },
  limit: number,
): Promise<KeysetPage<R>> {
  const after = parseCursor(page.after);
  const before = after ? null : parseCursor(page.before);
  if (before) {
    // Newer rows: read upwards from the cursor, then show them newest first.
    const found = await read({
      seek: { OR: [{ at: { gt: before.at } }, { at: before.at, id: { gt: before.id } }] },
      order: "asc",
      take: limit + 1,
    });
    const rows = found.slice(0, limit).reverse();
    return {
      rows,
      newer: found.length > limit && rows[0] ? cursorOf(rows[0]) : null,
      older: rows.length ? cursorOf(rows.at(-1)!) : null,
    };
  }
  const found = await read({
    seek: after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : null,
    order: "desc",
    take: limit + 1,
  });
  const rows = found.slice(0, limit);
  return {
    rows,
    newer: after && rows[0] ? cursorOf(rows[0]) : null,
    older: found.length > limit ? cursorOf(rows.at(-1)!) : null,
  };
}

/** Every row of a filter, newest first, in batches (for a CSV), at most `max`. */
export async function* keysetBatches<R>(
  list: (after: string | undefined, limit: number) => Promise<KeysetPage<R>>,
  max: number,
  batchSize = 1_000,
): AsyncGenerator<R[]> {
  let after: string | undefined;
  let sent = 0;
  while (sent < max) {
    const page = await list(after, Math.min(batchSize, max - sent));
    if (page.rows.length) yield page.rows;
    sent += page.rows.length;
    if (!page.older) return;
    after = page.older;
  }
}
