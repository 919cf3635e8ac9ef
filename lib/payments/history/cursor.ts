// Keyset cursors for the history table. A cursor is the sort key and id of the row a page starts
// after (or ends before), and that row's position in the list (for "51–100 of 2 215"), signed with
// an HMAC so a hand-edited URL is refused cleanly instead of reaching the database with a made-up
// position. It is bound to the sales-unit filter and the sort it was made for: under another sort
// the same position means nothing.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { secrets } from "@/lib/secrets";
import { PAYMENT_STATUSES, SORT_FIELDS, type HistorySortField, type SortDirection } from "./url";

export type { HistorySortField, SortDirection } from "./url";

/** One value of the sort key: epoch milliseconds, øre, or a status. */
export type KeyValue = number | (typeof PAYMENT_STATUSES)[number];

export interface HistoryCursor {
  /** The sales-unit filter it was made under ("" for all of the reader's units). */
  msn: string;
  sort: HistorySortField;
  dir: SortDirection;
  /** The row's sort key, column by column (see keyset.ts), without the id. */
  key: KeyValue[];
  id: string;
  /** The row's 0-based position in the filtered list when the cursor was made. */
  pos: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const keyValue = z.union([z.number().int().min(-8.64e15).max(8.64e15), z.enum(PAYMENT_STATUSES)]);
const payloadSchema = z
  .object({
    m: z.string().max(10),
    s: z.enum(SORT_FIELDS),
    d: z.enum(["asc", "desc"]),
    k: z.array(keyValue).min(1).max(2),
    i: z.string().regex(UUID),
    p: z.number().int().min(0).max(1e9),
  })
  .strict();

/** 128 bits of HMAC-SHA256 are plenty to make guessing a valid signature hopeless. */
const SIG_BYTES = 16;
const MAX_TOKEN_LENGTH = 300;

function sign(body: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(body).digest().subarray(0, SIG_BYTES);
}

export function encodeCursor(cursor: HistoryCursor, key: Buffer): string {
  const body = Buffer.from(
    JSON.stringify({ m: cursor.msn, s: cursor.sort, d: cursor.dir, k: cursor.key, i: cursor.id, p: cursor.pos }),
  ).toString("base64url");
  return `${body}.${sign(body, key).toString("base64url")}`;
}

/** The cursor, or null for anything not made by encodeCursor with this key (never throws). */
export function decodeCursor(token: string, key: Buffer): HistoryCursor | null {
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return null;
  const [body = "", sig = ""] = token.split(".");
  // Compared as text, not as decoded bytes: base64url's last character carries unused bits, and a
  // token is valid only in the one spelling encodeCursor wrote.
  const given = Buffer.from(sig, "utf8");
  const expected = Buffer.from(sign(body, key).toString("base64url"), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const p = parsed.data;
  return { msn: p.m, sort: p.s, dir: p.d, key: p.k, id: p.i, pos: p.p };
}

let cachedKey: Buffer | undefined;
/** A key of its own, derived from AUTH_SECRET, so a cursor signature is never a session signature. */
export function historyCursorKey(): Buffer {
  cachedKey ??= createHmac("sha256", secrets().authSecret).update("merchant-ops/history-cursor/v2").digest();
  return cachedKey;
}
