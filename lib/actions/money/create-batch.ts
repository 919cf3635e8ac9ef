"use server";
// The capture queue's "capture / release selected": one batch, worked through in the background
// (lib/money/batch.ts). The worker is kicked so the first payments go at once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import type { StepUpRequired } from "@/lib/actions/result";
import { stepUpRefusal } from "@/lib/actions/two-factor/step-up";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { msnSchema, orderIdSchema } from "@/lib/ids";
import { parseKroner } from "@/lib/money/amount";
import { BATCH_KINDS, BATCH_MAX_ITEMS, createBatch, type BatchCreated } from "@/lib/money/batch";
import { kickBatchWorker } from "@/lib/money/worker";

const input = z
  .object({
    kind: z.enum(BATCH_KINDS, { error: "invalid" }),
    idempotencyKey: z.uuid({ error: "invalid" }),
    items: z
      .array(
        z.object({
          msn: msnSchema,
          orderId: orderIdSchema,
          amount: z
            .number({ error: "invalid" })
            .int({ error: "invalid" })
            .min(1, { error: "invalid" })
            .max(2 ** 31 - 1),
        }),
      )
      .min(1, { error: "required" })
      .max(BATCH_MAX_ITEMS, { error: "invalid" }),
    /** Release: the total typed again, as a person writes kroner. */
    confirm: z.string().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "release" && !parseKroner(v.confirm ?? "").ok)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirmRequired" });
  });

export const createBatchAction = actionClient
  .metadata({ name: "create-money-batch", permission: "payments:money" })
  .inputSchema(input, translatedErrors)
  .action(async ({ parsedInput: f, clientInput, ctx }): Promise<BatchCreated | StepUpRequired> => {
    const total = f.items.reduce((sum, item) => sum + item.amount, 0);
    if (total > env().twoFactor.stepUpThresholdOre) {
      const stepUp = await stepUpRefusal(ctx, clientInput);
      if (stepUp) return stepUp;
    }
    const confirm = f.kind === "release" ? parseKroner(f.confirm ?? "") : null;
    const result = await createBatch({ db: await db() }, ctx.actor, {
      kind: f.kind,
      idempotencyKey: f.idempotencyKey,
      items: f.items,
      ...(confirm?.ok ? { confirmTotal: confirm.ore } : {}),
    });
    if (result.outcome !== "refused") {
      kickBatchWorker();
      revalidatePath("/finance");
    }
    return result;
  });
