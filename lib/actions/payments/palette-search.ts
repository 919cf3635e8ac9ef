"use server";
// The command palette (components/shell/command-palette-dialog.tsx): the user's sales units once when
// it opens, and the payments as the person types.
import { z } from "zod";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { palettePayments, paletteUnits } from "@/lib/palette/search";

const input = z.object({ q: z.string({ error: "invalid" }).max(200, { error: "invalid" }) });

export const paletteSearchAction = actionClient
  .metadata({ name: "palette-search", permission: "payments:read" })
  .inputSchema(input, translatedErrors)
  .action(async ({ parsedInput: { q }, ctx }) => palettePayments(ctx.actor, q));

export const paletteUnitsAction = actionClient
  .metadata({ name: "palette-units", permission: "payments:read" })
  .inputSchema(z.object({}), translatedErrors)
  .action(async ({ ctx }) => paletteUnits(ctx.actor));
