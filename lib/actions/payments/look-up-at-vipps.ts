"use server";
// Not found locally: ask Vipps (GET /details) in each sales unit the actor may see, and register
// what is found. Every call is logged; 404/35 simply means "not in this sales unit".
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isEcomError } from "@/lib/ecom";
import { applyDetails } from "@/lib/payments/sync";
import { ecomClientFor } from "@/lib/payments/vipps";

export type RemoteResult = {
  msn: string;
  salesUnitName: string;
  result: "found" | "not_found" | "error";
  detail?: string;
};

export async function lookUpAtVipps(actor: Actor | null, orderId: string): Promise<RemoteResult[]> {
  assertCan(actor, "payments:read");
  const prisma = await db();
  const units = await prisma.salesUnit.findMany({
    where: { ...msnScope(actor), active: true, credentialsEncrypted: { not: null } },
    select: { msn: true, name: true },
    orderBy: { msn: "asc" },
  });
  const results = await Promise.all(
    units.map(async (u): Promise<RemoteResult> => {
      try {
        const details = await (await ecomClientFor(u.msn)).getPaymentDetails(orderId);
        await applyDetails(prisma, u.msn, details);
        return { msn: u.msn, salesUnitName: u.name, result: "found" };
      } catch (err) {
        if (isEcomError(err) && (err.errorCode === "35" || err.httpStatus === 404))
          return { msn: u.msn, salesUnitName: u.name, result: "not_found" };
        return {
          msn: u.msn,
          salesUnitName: u.name,
          result: "error",
          detail: isEcomError(err) ? (err.errorCode ?? String(err.httpStatus ?? err.kind)) : "internal",
        };
      }
    }),
  );
  await prisma.auditLog.create({
    data: {
      userId: actor.id,
      userEmail: actor.email,
      action: "lookup_at_vipps",
      outcome: results.some((r) => r.result === "found") ? "found" : "not_found",
      orderId,
    },
  });
  return results;
}

export async function lookUpAtVippsAction(_prev: { results?: RemoteResult[]; error?: string }, form: FormData) {
  const parsed = z
    .string()
    .regex(/^[a-zA-Z0-9-]{1,50}$/)
    .safeParse(form.get("orderId"));
  if (!parsed.success) return { error: "invalid" };
  return { results: await lookUpAtVipps(await getActor(), parsed.data) };
}
