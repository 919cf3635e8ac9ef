"use server";
// Four-eyes: approve or reject a request waiting for a second person (lib/money/engine.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import type { StepUpRequired } from "@/lib/actions/result";
import { stepUpRefusal } from "@/lib/actions/two-factor/step-up";
import { canSeeMsn } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { paymentHref } from "@/lib/ids";
import { decideMoneyOperation, type MoneyResult } from "@/lib/money/engine";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

const input = zfd.formData({ operationId: z.uuid({ error: "uuid" }), decision: z.enum(["approve", "reject"]) });

export const decideMoneyOperationAction = actionClient
  .metadata({ name: "decide-money-operation", permission: "payments:money" })
  .inputSchema(input, translatedErrors)
  .stateAction(
    async ({ parsedInput: { operationId, decision }, clientInput, ctx }): Promise<MoneyResult | StepUpRequired> => {
      const prisma = await db();
      if (decision === "approve") {
        // Approving sends the money: over the threshold it needs a fresh code, asked before anything changes.
        const waiting = await prisma.moneyOperation.findUnique({
          where: { id: operationId },
          select: { msn: true, amount: true },
        });
        if (
          waiting &&
          canSeeMsn(ctx.actor, waiting.msn) &&
          (waiting.amount ?? 0) > env().twoFactor.stepUpThresholdOre
        ) {
          const stepUp = await stepUpRefusal(ctx, clientInput);
          if (stepUp) return stepUp;
        }
      }
      const result = await decideMoneyOperation(
        { db: prisma, clientFor: ecomClientFor },
        ctx.actor,
        operationId,
        decision === "approve",
      );
      const op = await prisma.moneyOperation.findUnique({
        where: { id: operationId },
        select: { msn: true, orderId: true },
      });
      if (op) revalidatePath(paymentHref(op.msn, op.orderId));
      revalidatePath("/approvals");
      return result;
    },
  );
