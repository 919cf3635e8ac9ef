// The command palette's answers to what a person types: the payments it names (an orderId, a
// transactionId, or whatever the lookup finds first) and the sales units whose history it names —
// always within the actor's sales units.
import "server-only";
import type { PaymentStatus } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { checkQuery, lookupPayments, type LookupMatch } from "@/lib/payments/lookup/search";
import { listSalesUnits } from "@/lib/sales-units/queries";

export interface PaletteResult {
  payments: {
    msn: string;
    orderId: string;
    unitName: string;
    status: PaymentStatus;
    amount: number;
    match: LookupMatch;
  }[];
  /** More payments matched than are listed: the full list is the lookup's. */
  morePayments: boolean;
  units: { msn: string; name: string }[];
}

/** The palette lists a handful: it is for jumping, the lookup is for reading lists. */
export const PALETTE_PAYMENTS = 6;
const PALETTE_UNITS = 8;

export async function paletteSearch(actor: Actor, raw: string): Promise<PaletteResult> {
  assertCan(actor, "payments:read");
  const checked = checkQuery(raw);
  const q = checked.ok ? checked.q : "";
  const needle = q.toLowerCase();
  const [found, units] = await Promise.all([checked.ok ? lookupPayments(actor, q) : null, listSalesUnits(actor)]);
  const rows = found?.rows ?? [];
  return {
    payments: rows.slice(0, PALETTE_PAYMENTS).map((r) => ({
      msn: r.msn,
      orderId: r.orderId,
      unitName: r.salesUnitName,
      status: r.status,
      amount: r.amount,
      match: r.match,
    })),
    morePayments: rows.length > PALETTE_PAYMENTS || found?.more != null,
    units: units
      .filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.msn.includes(needle))
      .slice(0, PALETTE_UNITS)
      .map((u) => ({ msn: u.msn, name: u.name })),
  };
}
