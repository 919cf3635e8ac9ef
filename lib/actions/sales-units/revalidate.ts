// After a change to sales units: the pages that show them render afresh.
import "server-only";
import { revalidatePath } from "next/cache";
import { ADMIN_UNITS_PATH, adminUnitPath, PARTNER_KEYS_PATH } from "@/lib/sales-units/paths";

export function revalidateUnits(msn?: string): void {
  revalidatePath(ADMIN_UNITS_PATH);
  revalidatePath(PARTNER_KEYS_PATH);
  revalidatePath("/sales-units");
  if (msn) revalidatePath(adminUnitPath(msn));
}
