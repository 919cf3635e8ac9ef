// The history CSV download, standard or for Norwegian Excel (?format=excel): the same filters and
// scope as the page, streamed batch by batch as the client reads, so a large export never sits in
// memory. Bad filters are refused (400): a download must not quietly hold more than was asked for.
import "server-only";
import { audit } from "@/lib/audit";
import { csvResponse, exportActor, invalidFilters, jsonRefusal } from "@/lib/csv-export";
import { db } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { csvStream } from "@/lib/payments/history/csv";
import { historyCursorKey } from "@/lib/payments/history/cursor";
import { osloDate } from "@/lib/payments/history/dates";
import { parseHistoryParams } from "@/lib/payments/history/params";
import { iterateHistory } from "@/lib/payments/history/query";
import { listSalesUnits } from "@/lib/sales-units/queries";

export async function historyExport(url: URL): Promise<Response> {
  const { actor, refusal } = await exportActor("payments:read", "history-export", "Your role may not read payments.");
  if (refusal) return refusal;
  const format = url.searchParams.get("format") ?? "standard";
  if (format !== "standard" && format !== "excel")
    return invalidFilters([{ param: "format", code: "format", value: format.slice(0, 40) }]);
  const msns = (await listSalesUnits(actor)).map((u) => u.msn);
  const parsed = parseHistoryParams(url.searchParams, historyCursorKey(), { msns, now: new Date() });
  // An MSN outside the scope is a 404, exactly like one that does not exist.
  if (parsed.problems.some((p) => p.param === "msn"))
    return jsonRefusal(404, { error: "not_found", message: "Not found." });
  // Paging params do not apply to an export.
  const problems = parsed.problems.filter((p) => !["after", "before", "size"].includes(p.param));
  if (problems.length > 0) return invalidFilters(problems);

  const msn = parsed.query.filters.msn;
  await audit(await db(), {
    action: "history_exported",
    outcome: "success",
    who: actor,
    msn,
    details: { query: url.search.slice(0, 500), format },
  });
  const { t } = await getI18n();
  const rows = iterateHistory(actor, parsed.query);
  const body = csvStream(
    rows,
    (err) => console.error(`[history-export] ${msn ?? "all"}: ${err instanceof Error ? err.message : String(err)}`),
    format === "excel" ? { columns: t.history.excelColumns, statuses: t.history.statuses } : undefined,
  );
  const unit = msn ? `-${msn.replace(/[^0-9A-Za-z]/g, "")}` : "";
  return csvResponse(body, `history${unit}-${osloDate()}${format === "excel" ? "-excel" : ""}.csv`);
}
