// POST /api/v1/api-calls: the shop sends the outcomes of its own Vipps calls (lib/api-log/ingest-calls.ts).
import { createApiCallsHandler } from "@/lib/api-log/ingest-calls";
import { db } from "@/lib/db/client";
import { appLimiters } from "@/lib/limits/app";

export const dynamic = "force-dynamic";

export const POST = createApiCallsHandler({
  db,
  limits: () => ({ requests: appLimiters().ingestRequestsPerKey }),
});
