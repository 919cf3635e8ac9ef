// The history's filtered set as a Prisma condition, always inside the actor's scope.
import type { PaymentWhereInput } from "@/generated/prisma/models";
import { msnScope, type Actor } from "@/lib/auth/permissions";
import type { HistoryFilters } from "@/lib/payments/history/params";

/** Escapes LIKE wildcards so "%" or "_" typed in the box match themselves. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filtered set; `withStatus` false for the chips (each counts its status under the other filters). */
export function historyWhere(actor: Actor, f: HistoryFilters, withStatus: boolean): PaymentWhereInput {
  const and: PaymentWhereInput[] = [msnScope(actor)];
  if (f.msn !== null) and.push({ msn: f.msn });
  if (withStatus && f.statuses.length > 0) and.push({ status: { in: f.statuses } });
  if (f.createdFrom) and.push({ createdAt: { gte: f.createdFrom } });
  if (f.createdBefore) and.push({ createdAt: { lt: f.createdBefore } });
  if (f.minOre !== null) and.push({ amount: { gte: f.minOre } });
  if (f.maxOre !== null) and.push({ amount: { lte: f.maxOre } });
  if (f.text) {
    const text = likeLiteral(f.text);
    and.push({
      OR: [
        { orderId: { startsWith: text, mode: "insensitive" } },
        { transactionText: { contains: text, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}
