// The connection test with the app's own database, keys and API call log.
import "server-only";
import { apiLogSink } from "@/lib/api-log/writer";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { secrets } from "@/lib/secrets";
import { testConnection, type ConnectionTestResult } from "@/lib/sales-units/connection-test";

export async function runConnectionTest(actor: Actor, msn: string): Promise<ConnectionTestResult> {
  return testConnection({ db: await db(), encryptionKey: secrets().encryptionKey, sink: apiLogSink() }, actor, msn);
}
