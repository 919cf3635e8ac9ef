"use server";
// A batch's progress, polled by its page while it runs (components/money/batch-progress.tsx).
import { z } from "zod";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { readBatch } from "@/lib/money/batch";

const input = z.object({ batchId: z.uuid({ error: "uuid" }) });

export const readBatchAction = actionClient
  .metadata({ name: "read-money-batch", permission: "payments:money" })
  .inputSchema(input, translatedErrors)
  .action(async ({ parsedInput: { batchId }, ctx }) => readBatch(await db(), ctx.actor, batchId));
