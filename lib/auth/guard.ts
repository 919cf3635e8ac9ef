// Pages: the actor must hold the page's permission, or the page answers 403 (app/(app)/forbidden.tsx).
// Every refusal is audited, like a refused action.
import "server-only";
import { forbidden } from "next/navigation";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { can, canSeeMsn, type Actor, type Permission } from "./permissions";

export async function requirePermission(actor: Actor, permission: Permission, page: string): Promise<void> {
  if (can(actor, permission)) return;
  await audit(await db(), {
    action: "action_refused",
    outcome: "refused",
    who: actor,
    details: { name: `page ${page}`.slice(0, 100), code: "forbidden", permission },
  });
  forbidden();
}

/**
 * Whether the actor may see the sales unit; when not, the attempt is audited and the caller answers
 * exactly as for one that does not exist.
 */
export async function mayOpenMsn(actor: Actor, msn: string, page: string, orderId?: string): Promise<boolean> {
  if (canSeeMsn(actor, msn)) return true;
  await audit(await db(), {
    action: "action_refused",
    outcome: "not_found",
    who: actor,
    msn: msn.slice(0, 10),
    orderId: orderId?.slice(0, 50) ?? null,
    details: { name: `page ${page}`.slice(0, 100), code: "outside_scope" },
  });
  return false;
}
