// The command palette's answers (components/shell/command-palette-dialog.tsx): the payments what a
// person types names (an orderId, a transactionId, or whatever the lookup finds first), and the sales
// units whose history it can open — always within the actor's sales units. The units are read once
// when the palette opens and filtered in the browser; only the payments are asked per search.
import "server-only";
import type { PaymentStatus } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { checkQuery, lookupPayments, type LookupMatch } from "@/lib/payments/lookup/search";
import { listSalesUnits } from "@/lib/sales-units/queries";

export interface PalettePayments {
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
}

/** The palette lists a handful: it is for jumping, the lookup is for reading lists. */
export const PALETTE_PAYMENTS = 6;

export async function palettePayments(actor: Actor, raw: string): Promise<PalettePayments> {
  assertCan(actor, "payments:read");
  const checked = checkQuery(raw);
  if (!checked.ok) return { payments: [], morePayments: false };
  const found = await lookupPayments(actor, checked.q);
  return {
    payments: found.rows.slice(0, PALETTE_PAYMENTS).map((r) => ({
      msn: r.msn,
      orderId: r.orderId,
      unitName: r.salesUnitName,
      status: r.status,
      amount: r.amount,
      match: r.match,
    })),
    morePayments: found.rows.length > PALETTE_PAYMENTS || found.more !== null,
  };
}

/** The sales units whose history the actor may open. */
export async function paletteUnits(actor: Actor): Promise<{ msn: string; name: string }[]> {
  assertCan(actor, "payments:read");
  return (await listSalesUnits(actor)).map((u) => ({ msn: u.msn, name: u.name }));
}
