// POST /api/v1/payments: the merchant's shop registers payments (lib/ingest/ingest-api.ts).
import { db } from "@/lib/db/client";
import { createIngestHandler } from "@/lib/ingest/ingest-api";
import { appLimiters } from "@/lib/limits/app";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

export const dynamic = "force-dynamic";

export const POST = createIngestHandler({
  db,
  clientFor: ecomClientFor,
  limits: () => ({ requests: appLimiters().ingestRequestsPerKey, reads: appLimiters().ingestReadsPerKey }),
});
