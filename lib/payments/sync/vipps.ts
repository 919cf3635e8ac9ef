// The eCom client for one of our sales units: its own keys or its partner key's, decrypted from the
// database, calls logged to the API call log. Every call the app makes to Vipps starts here, so a
// deactivated unit (or one without keys) never reaches Vipps. Server-only; callers check permissions.
import "server-only";
import { apiLogSink } from "@/lib/api-log/writer";
import { db } from "@/lib/db/client";
import { createEcomClient, type EcomClient } from "@/lib/ecom";
import { AppError } from "@/lib/errors";
import { unitConnection } from "@/lib/sales-units/keys";
import { secrets } from "@/lib/secrets";

export async function ecomClientFor(msn: string): Promise<EcomClient> {
  const unit = await unitConnection(await db(), msn, secrets().encryptionKey);
  if (!unit.ok) {
    if (unit.problem === "not_found" || unit.problem === "inactive")
      throw new AppError("not_found", `No active sales unit ${msn}`);
    throw new AppError("conflict", `Sales unit ${msn} has no usable API keys (${unit.problem})`);
  }
  return createEcomClient({ salesUnit: unit.salesUnit, keyMode: unit.keyMode, sink: apiLogSink() });
}
