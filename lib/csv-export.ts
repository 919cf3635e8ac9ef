// The shared edges of the CSV download routes (history, request log, audit trail): JSON refusals
// that are never cached, the permission check with its audited refusal, the streamed response, and
// the whole route for a list filtered by URL parameters.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit, type AuditAction } from "@/lib/audit";
import { getActor } from "@/lib/auth/actor";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { csvLinesStream } from "@/lib/payments/history/csv";

export const jsonRefusal = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The signed-in actor when it holds `permission`; otherwise the answer to send (401, or 403 audited). */
export async function exportActor(
  permission: Permission,
  name: string,
  forbiddenMessage: string,
): Promise<{ actor: Actor; refusal?: never } | { actor?: never; refusal: Response }> {
  const actor = await getActor();
  if (!actor) return { refusal: jsonRefusal(401, { error: "unauthenticated", message: "Sign in first." }) };
  if (can(actor, permission)) return { actor };
  await audit(await db(), {
    action: "action_refused",
    outcome: "refused",
    who: actor,
    details: { name, code: "forbidden", permission },
  });
  return { refusal: jsonRefusal(403, { error: "forbidden", message: forbiddenMessage }) };
}

/** A download refuses filters the page would leave out: it must never quietly hold more than asked. */
export const invalidFilters = (problems: unknown[]) =>
  jsonRefusal(400, { error: "invalid_input", message: "Some filters are not valid.", problems });

export function csvResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * A whole download route for a list filtered by URL parameters: the permission (refusals audited),
 * the filters (any bad one refused), the download audited as `action` with its query, then the CSV
 * streamed batch by batch as the client reads.
 */
export async function filteredCsvExport<F, R>(
  request: Request,
  o: {
    permission: Permission;
    name: string;
    forbiddenMessage: string;
    parse: (raw: Record<string, string>, now: Date) => { filter: F; errors: unknown[] };
    action: AuditAction;
    rows: (prisma: PrismaClient, actor: Actor, filter: F, now: Date) => AsyncIterator<R[]>;
    header: string;
    line: (row: R) => string;
    filename: (now: Date) => string;
  },
): Promise<Response> {
  const { actor, refusal } = await exportActor(o.permission, o.name, o.forbiddenMessage);
  if (refusal) return refusal;
  const now = new Date();
  const url = new URL(request.url);
  const { filter, errors } = o.parse(Object.fromEntries(url.searchParams), now);
  if (errors.length > 0) return invalidFilters(errors);

  const prisma = await db();
  await audit(prisma, {
    action: o.action,
    outcome: "success",
    who: actor,
    details: { query: url.search.slice(0, 500) },
  });
  const body = csvLinesStream(o.header, o.rows(prisma, actor, filter, now), o.line, (err) =>
    console.error(`[${o.name}] ${err instanceof Error ? err.message : String(err)}`),
  );
  return csvResponse(body, o.filename(now));
}
