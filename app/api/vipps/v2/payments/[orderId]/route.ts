// POST {callbackPrefix}/v2/payments/{orderId}: Vipps' callback (callbackPrefix = https://<app>/api/vipps).
// The logic lives in lib/ingest/callback.ts; /details is read after the answer, with `after`.
import { after } from "next/server";
import { apiLogSink } from "@/lib/api-log/writer";
import { db } from "@/lib/db/client";
import { createCallbackHandler } from "@/lib/ingest/callback";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

export const dynamic = "force-dynamic";

export const POST = createCallbackHandler({
  db,
  clientFor: ecomClientFor,
  sink: apiLogSink(),
  schedule: (task) => after(task),
});
