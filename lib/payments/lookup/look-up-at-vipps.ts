// Not found locally: ask Vipps (GET /details) in each sales unit the actor may see, and register
// what is found. Every call is logged; 404/35 simply means "not in this sales unit".
import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isEcomError } from "@/lib/ecom";
import { applyDetails } from "@/lib/payments/sync/sync";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

export interface RemoteResult {
  msn: string;
  salesUnitName: string;
  result: "found" | "not_found" | "error";
  /** For "error": the Vipps error code, HTTP status or network failure kind. */
  detail?: string;
}

export async function lookUpAtVipps(actor: Actor | null, orderId: string): Promise<RemoteResult[]> {
  assertCan(actor, "payments:read");
  const prisma = await db();
  const units = await prisma.salesUnit.findMany({
    where: {
      ...msnScope(actor),
      active: true,
      OR: [{ credentialsEncrypted: { not: null } }, { partnerKeyId: { not: null } }],
    },
    select: { msn: true, name: true },
    orderBy: { msn: "asc" },
  });
  const results = await Promise.all(
    units.map(async (u): Promise<RemoteResult> => {
      const base = { msn: u.msn, salesUnitName: u.name };
      try {
        const details = await (await ecomClientFor(u.msn)).getPaymentDetails(orderId);
        await applyDetails(prisma, u.msn, details);
        return { ...base, result: "found" };
      } catch (err) {
        if (isEcomError(err) && (err.errorCode === "35" || err.httpStatus === 404))
          return { ...base, result: "not_found" };
        const detail = isEcomError(err) ? (err.errorCode ?? String(err.httpStatus ?? err.kind)) : "internal";
        return { ...base, result: "error", detail };
      }
    }),
  );
  const found = results.some((r) => r.result === "found");
  await audit(prisma, { action: "lookup_at_vipps", outcome: found ? "found" : "not_found", who: actor, orderId });
  return results;
}
