// The older per-sales-unit download address: the same export with ?msn= set from the path.
import type { NextRequest } from "next/server";
import { historyExport } from "@/lib/payments/history/export";

export async function GET(request: NextRequest, { params }: { params: Promise<{ msn: string }> }) {
  const url = new URL(request.nextUrl);
  url.searchParams.set("msn", (await params).msn);
  return historyExport(url);
}
