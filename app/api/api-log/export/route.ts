// CSV of the request log's filtered list, streamed batch by batch (at most MAX_EXPORT_ROWS rows),
// for a support case. Same filters and scope as /api-log; a filter the page would leave out is
// refused here, so a download never quietly holds more than was asked for.
import type { NextRequest } from "next/server";
import { audit } from "@/lib/audit";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { logCsvHeaderLine, logCsvRow } from "@/lib/api-log/log-csv";
import { parseLogParams } from "@/lib/api-log/log-filter";
import { iterateCalls } from "@/lib/api-log/log-query";
import { csvLinesStream } from "@/lib/payments/history/csv";
import { osloDate } from "@/lib/payments/history/dates";

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return json(401, { error: "unauthenticated", message: "Sign in first." });
  const prisma = await db();
  if (!can(actor, "apilog:read")) {
    await audit(prisma, {
      action: "action_refused",
      outcome: "refused",
      who: actor,
      details: { name: "api-log-export", code: "forbidden", permission: "apilog:read" },
    });
    return json(403, { error: "forbidden", message: "Your role may not read the API log." });
  }
  const now = new Date();
  const { filter, errors } = parseLogParams(Object.fromEntries(request.nextUrl.searchParams), now);
  if (errors.length > 0)
    return json(400, { error: "invalid_input", message: "Some filters are not valid.", problems: errors });

  await audit(prisma, {
    action: "api_log_exported",
    outcome: "success",
    who: actor,
    details: { query: request.nextUrl.search.slice(0, 500) },
  });
  const body = csvLinesStream(logCsvHeaderLine(), iterateCalls(prisma, actor, filter, now), logCsvRow, (err) =>
    console.error(`[api-log-export] ${err instanceof Error ? err.message : String(err)}`),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="api-log-${osloDate(now)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
