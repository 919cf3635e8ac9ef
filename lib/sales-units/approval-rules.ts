// Four-eyes rules per sales unit, set by an admin: refunds above a threshold, and optionally every
// release of the remaining reservation, wait for a second person (lib/money/engine.ts).
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { assertCan, assertMsn, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export async function setApprovalRules(
  db: PrismaClient,
  actor: Actor | null,
  msn: string,
  rules: { thresholdOre: number | null; releaseNeedsApproval: boolean },
): Promise<void> {
  assertCan(actor, "salesunits:manage");
  assertMsn(actor, msn);
  const updated = await db.salesUnit.updateMany({
    where: { msn },
    data: { approvalThresholdOre: rules.thresholdOre, releaseNeedsApproval: rules.releaseNeedsApproval },
  });
  if (updated.count === 0) throw new AppError("not_found", `sales unit ${msn}`);
  await audit(db, {
    action: "sales_unit_updated",
    outcome: "success",
    who: actor,
    msn,
    details: {
      approvalThresholdOre: rules.thresholdOre ?? "none",
      releaseNeedsApproval: rules.releaseNeedsApproval ? 1 : 0,
    },
  });
}
