// Keyset cursors for the history table. A cursor is the sort key and id of the row a page starts
// after (or ends before), signed with an HMAC so a hand-edited URL is refused cleanly instead of
// reaching the database with a made-up position. It is bound to the MSN and the sort it was made
// for: under another sort the same position means nothing.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { secrets } from "@/lib/secrets";

export type HistorySortField = "date" | "amount";
export type SortDirection = "asc" | "desc";

export interface HistoryCursor {
  msn: string;
  sort: HistorySortField;
  dir: SortDirection;
  /** date: createdAt in epoch milliseconds; amount: øre. */
  key: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const payloadSchema = z
  .object({
    m: z.string().min(1).max(10),
    s: z.enum(["date", "amount"]),
    d: z.enum(["asc", "desc"]),
    k: z.number().int().min(-8.64e15).max(8.64e15),
    i: z.string().regex(UUID),
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
    JSON.stringify({ m: cursor.msn, s: cursor.sort, d: cursor.dir, k: cursor.key, i: cursor.id }),
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
  return { msn: p.m, sort: p.s, dir: p.d, key: p.k, id: p.i };
}

let cachedKey: Buffer | undefined;
/** A key of its own, derived from AUTH_SECRET, so a cursor signature is never a session signature. */
export function historyCursorKey(): Buffer {
  cachedKey ??= createHmac("sha256", secrets().authSecret).update("merchant-ops/history-cursor/v1").digest();
  return cachedKey;
}
