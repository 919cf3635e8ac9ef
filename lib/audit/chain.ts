// The audit trail's hash chain, checked from outside the database. The database writes it (the
// BEFORE INSERT trigger of migration 20261130224414_audit_hash_chain): every row's `hash` is sha256
// over its fields and the previous row's hash, so editing, removing or inserting a row anywhere but at
// the end breaks the link at that row. This file builds the same text as SQL's audit_log_hash() and
// walks the rows in id order, in batches, so any size of trail is checked in constant memory.
import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

/** The first row's prevHash. */
export const GENESIS_HASH = "0".repeat(64);
const VERSION = "merchant-ops/audit/v1";

/** A row as the check reads it: `details` as jsonb's own text, so its spelling is the database's. */
export interface ChainRow {
  id: bigint;
  at: Date;
  userId: string | null;
  userEmail: string | null;
  action: string;
  outcome: string;
  msn: string | null;
  orderId: string | null;
  details: string | null;
  prevHash: string;
  hash: string;
}

const field = (v: string | null) => `\n${v === null ? "~" : `${Buffer.byteLength(v, "utf8")}:${v}`}`;

/** The text a row's hash is taken over (exactly what audit_log_hash() builds in SQL). */
export function canonicalText(r: Omit<ChainRow, "hash">): string {
  return [
    r.id.toString(),
    String(r.at.getTime()),
    r.userId,
    r.userEmail,
    r.action,
    r.outcome,
    r.msn,
    r.orderId,
    r.details,
    r.prevHash,
  ].reduce<string>((text, v) => text + field(v), VERSION);
}

export const rowHash = (r: Omit<ChainRow, "hash">) =>
  createHash("sha256").update(canonicalText(r), "utf8").digest("hex");

export type ChainResult =
  | { intact: true; rows: number; head: string }
  | {
      intact: false;
      /** Rows read up to and including the broken one. */
      rows: number;
      id: bigint;
      /** hash: the row's content is not what was hashed (it was edited); prev_hash: the row does not
       *  follow the one before it (a row before it was removed, edited and re-hashed, or inserted). */
      problem: "hash" | "prev_hash";
      expected: string;
      found: string;
    };

type Db = Pick<PrismaClient, "$queryRaw">;

/** Rows after `afterId` in id order, as the check reads them. */
async function readBatch(db: Db, afterId: bigint, size: number): Promise<ChainRow[]> {
  return db.$queryRaw<ChainRow[]>`
    SELECT "id", "at", "userId"::text AS "userId", "userEmail", "action", "outcome", "msn", "orderId",
           "details"::text AS "details", "prevHash"::text AS "prevHash", "hash"::text AS "hash"
    FROM "AuditLog" WHERE "id" > ${afterId} ORDER BY "id" LIMIT ${size}`;
}

/** Walks the whole chain in id order and stops at the first broken link. */
export async function checkAuditChain(
  db: Db,
  opts: { batchSize?: number; onProgress?: (rows: number) => void } = {},
): Promise<ChainResult> {
  const size = opts.batchSize ?? 5_000;
  let prev = GENESIS_HASH;
  let lastId = -1n;
  let rows = 0;
  for (;;) {
    const batch = await readBatch(db, lastId, size);
    for (const r of batch) {
      rows++;
      if (r.prevHash !== prev)
        return { intact: false, rows, id: r.id, problem: "prev_hash", expected: prev, found: r.prevHash };
      const hash = rowHash(r);
      if (r.hash !== hash) return { intact: false, rows, id: r.id, problem: "hash", expected: hash, found: r.hash };
      prev = r.hash;
      lastId = r.id;
    }
    opts.onProgress?.(rows);
    if (batch.length < size) return { intact: true, rows, head: prev };
  }
}
