// CSV of the whole filtered history across the reader's sales units (lib/payments/history/export.ts).
import type { NextRequest } from "next/server";
import { historyExport } from "@/lib/payments/history/export";

export function GET(request: NextRequest) {
  return historyExport(request.nextUrl);
}
