// CSV of the request log's filtered list, streamed batch by batch (at most MAX_EXPORT_ROWS rows),
// for a support case. Same filters and scope as /api-log; a filter the page would leave out is
// refused here, so a download never quietly holds more than was asked for.
import type { NextRequest } from "next/server";
import { logCsvHeaderLine, logCsvRow } from "@/lib/api-log/log-csv";
import { parseLogParams } from "@/lib/api-log/log-filter";
import { iterateCalls } from "@/lib/api-log/log-query";
import { filteredCsvExport } from "@/lib/csv-export";
import { osloDate } from "@/lib/payments/history/dates";

export function GET(request: NextRequest) {
  return filteredCsvExport(request, {
    permission: "apilog:read",
    name: "api-log-export",
    forbiddenMessage: "Your role may not read the API log.",
    parse: parseLogParams,
    action: "api_log_exported",
    rows: iterateCalls,
    header: logCsvHeaderLine(),
    line: logCsvRow,
    filename: (now) => `api-log-${osloDate(now)}.csv`,
  });
}
