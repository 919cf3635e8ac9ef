"use server";
// Capture, release, cancel or refund from the money dialog: parsed with the dialog's own schema
// (lib/money/input.ts), then the exactly-once engine (lib/money/engine.ts) does the rest.
import { revalidatePath } from "next/cache";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import type { StepUpRequired } from "@/lib/actions/result";
import { stepUpRefusal } from "@/lib/actions/two-factor/step-up";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { paymentHref } from "@/lib/ids";
import { parseKroner } from "@/lib/money/amount";
import { amountAtStake } from "@/lib/money/at-stake";
import { submitMoneyOperation, type MoneyResult } from "@/lib/money/engine";
import { moneyFormSchema } from "@/lib/money/input";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

const input = zfd.formData(moneyFormSchema);

export const submitMoneyOperationAction = actionClient
  .metadata({ name: "submit-money-operation", permission: "payments:money" })
  .inputSchema(input, translatedErrors)
  .stateAction(async ({ parsedInput: f, clientInput, ctx }): Promise<MoneyResult | StepUpRequired> => {
    const amount = f.amount === "all" ? ("all" as const) : (parseKroner(f.amount) as { ok: true; ore: number }).ore;
    const confirm = f.kind === "release" ? parseKroner(f.confirm ?? "") : null;
    const deps = { db: await db(), clientFor: ecomClientFor, stalePendingMs: env().money.stalePendingMs };
    const request = {
      msn: f.msn,
      orderId: f.orderId,
      kind: f.kind,
      amount: f.kind === "release" || f.kind === "cancel" ? ("all" as const) : amount,
      reason: f.kind === "refund" ? f.reason : undefined,
      note: f.note?.trim() || undefined,
      idempotencyKey: f.idempotencyKey,
      confirmAmount: confirm?.ok ? confirm.ore : undefined,
    };
    // Step-up before the ledger row: a refusal leaves no trace, and the same key is sent again with the code.
    if ((await amountAtStake(deps.db, ctx.actor, request)) > env().twoFactor.stepUpThresholdOre) {
      const stepUp = await stepUpRefusal(ctx, clientInput);
      if (stepUp) return stepUp;
    }
    const result = await submitMoneyOperation(deps, ctx.actor, request);
    revalidatePath(paymentHref(f.msn, f.orderId));
    return result;
  });
