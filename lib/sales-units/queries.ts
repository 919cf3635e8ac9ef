import "server-only";
import { assertCan, msnScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

/** Sales units the actor may see. Never returns credentials, only whether they are stored. */
export async function listSalesUnits(actor: Actor) {
  assertCan(actor, "salesunits:read");
  const rows = await (
    await db()
  ).salesUnit.findMany({
    where: msnScope(actor),
    orderBy: { msn: "asc" },
    select: {
      msn: true,
      name: true,
      environment: true,
      captureType: true,
      active: true,
      credentialsEncrypted: true,
      partnerKeyId: true,
      approvalThresholdOre: true,
      releaseNeedsApproval: true,
    },
  });
  return rows.map(({ credentialsEncrypted, partnerKeyId, ...rest }) => ({
    ...rest,
    hasCredentials: credentialsEncrypted !== null || partnerKeyId !== null,
  }));
}
