// The eCom client for one of our sales units: credentials decrypted from the database, calls logged
// to the API call log. Server-only; callers check permissions first.
import "server-only";
import { apiLogSink } from "@/lib/api-log/writer";
import { decrypt } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { createEcomClient, type EcomClient } from "@/lib/ecom";
import type { EcomCredentials } from "@/lib/ecom/types";
import { AppError } from "@/lib/errors";
import { secrets } from "@/lib/secrets";

export async function ecomClientFor(msn: string): Promise<EcomClient> {
  const unit = await (
    await db()
  ).salesUnit.findUnique({
    where: { msn },
    select: { msn: true, environment: true, credentialsEncrypted: true, active: true },
  });
  if (!unit || !unit.active) throw new AppError("not_found", `No active sales unit ${msn}`);
  if (!unit.credentialsEncrypted) throw new AppError("conflict", `Sales unit ${msn} has no API keys stored`);
  const credentials = JSON.parse(decrypt(unit.credentialsEncrypted, secrets().encryptionKey, msn)) as EcomCredentials;
  return createEcomClient({ salesUnit: { msn, environment: unit.environment, credentials }, sink: apiLogSink() });
}
