"use server";
// The command palette (components/shell/command-palette.tsx) asks as the person types.
import { z } from "zod";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { paletteSearch } from "@/lib/palette/search";

const input = z.object({ q: z.string({ error: "invalid" }).max(200, { error: "invalid" }) });

export const paletteSearchAction = actionClient
  .metadata({ name: "palette-search", permission: "payments:read" })
  .inputSchema(input, translatedErrors)
  .action(async ({ parsedInput: { q }, ctx }) => paletteSearch(ctx.actor, q));
