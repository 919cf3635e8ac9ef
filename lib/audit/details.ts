// An audit row's `details` (codes and numbers) as short "key: value" pairs for the page. Pure.
import type { Prisma } from "@/generated/prisma/client";

type JsonValue = Prisma.JsonValue;

const MAX_VALUE = 80;

const short = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s);

/** Scalars as they are, objects and lists as compact JSON; a non-object `details` is one unnamed pair. */
export function detailPairs(details: JsonValue | null | undefined): [key: string, value: string][] {
  if (details === null || details === undefined) return [];
  const text = (v: JsonValue) => short(typeof v === "string" ? v : JSON.stringify(v));
  if (typeof details !== "object" || Array.isArray(details)) return [["", text(details)]];
  return Object.entries(details).map(([k, v]) => [k, text(v ?? null)]);
}
