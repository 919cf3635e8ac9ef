// CSV of a sales unit's whole filtered history, streamed: the body is produced batch by batch as
// the client reads, so a large export never sits in memory. Same filters and scope as the page; an
// MSN outside the scope is a 404, exactly like one that does not exist.
import type { NextRequest } from "next/server";
import { audit } from "@/lib/audit";
import { mayOpenMsn } from "@/lib/auth/guard";
import { csvResponse, exportActor, invalidFilters, jsonRefusal } from "@/lib/csv-export";
import { db } from "@/lib/db/client";
import { iterateHistory } from "@/lib/payments/history/query";
import { csvStream } from "@/lib/payments/history/csv";
import { historyCursorKey } from "@/lib/payments/history/cursor";
import { osloDate } from "@/lib/payments/history/dates";
import { parseHistoryParams } from "@/lib/payments/history/params";
import { listSalesUnits } from "@/lib/sales-units/queries";

export async function GET(request: NextRequest, { params }: { params: Promise<{ msn: string }> }) {
  const { actor, refusal } = await exportActor("payments:read", "history-export", "Your role may not read payments.");
  if (refusal) return refusal;
  const { msn } = await params;
  if (
    !(await mayOpenMsn(actor, msn, "/api/history/[msn]/export")) ||
    !(await listSalesUnits(actor)).some((u) => u.msn === msn)
  )
    return jsonRefusal(404, { error: "not_found", message: "Not found." });

  const parsed = parseHistoryParams(msn, request.nextUrl.searchParams, historyCursorKey());
  // The page shows bad values and carries on without them; a download must not quietly contain
  // more than was asked for, so it refuses instead. (Paging params do not apply to an export.)
  const problems = parsed.problems.filter((p) => p.param !== "after" && p.param !== "before");
  if (problems.length > 0) return invalidFilters(problems);

  await audit(await db(), {
    action: "history_exported",
    outcome: "success",
    who: actor,
    msn,
    details: { query: request.nextUrl.search.slice(0, 500) },
  });
  const rows = iterateHistory(actor, msn, parsed.query);
  const body = csvStream(msn, rows, (err) =>
    console.error(`[history-export] ${msn}: ${err instanceof Error ? err.message : String(err)}`),
  );
  const filename = `history-${msn.replace(/[^0-9A-Za-z]/g, "")}-${osloDate()}.csv`;
  return csvResponse(body, filename);
}
