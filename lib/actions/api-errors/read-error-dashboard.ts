"use server";
// The error dashboard's live refresh (components/errors/error-dashboard.tsx): the same numbers the
// page rendered, for the filters in its URL.
import { z } from "zod";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { loadDashboard } from "@/lib/api-errors/dashboard";
import { parseDashboardParams } from "@/lib/api-errors/params";
import { db } from "@/lib/db/client";

const input = z.object({
  range: z.string().max(10).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  env: z.string().max(20).optional(),
  msn: z.string().max(10).optional(),
  op: z.string().max(40).optional(),
});

export const readErrorDashboardAction = actionClient
  .metadata({ name: "read-error-dashboard", permission: "apilog:read" })
  .inputSchema(input, translatedErrors)
  .action(async ({ parsedInput, ctx }) => loadDashboard(await db(), ctx.actor, parseDashboardParams(parsedInput)));
