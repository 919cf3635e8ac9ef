"use server";
// The spike banner's refresh (components/errors/spike-banner-live.tsx): the open spikes in the
// user's sales units.
import { z } from "zod";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { openSpikeAlerts } from "@/lib/spikes/alerts";

export const readOpenSpikesAction = actionClient
  .metadata({ name: "read-open-spikes", permission: "apilog:read" })
  .inputSchema(z.object({}), translatedErrors)
  .action(async ({ ctx }) => openSpikeAlerts(await db(), ctx.actor));
