"use server";
// Capture, release, cancel or refund from the money dialog: parsed with the dialog's own schema
// (lib/money/input.ts), then the exactly-once engine (lib/money/engine.ts) does the rest.
import { revalidatePath } from "next/cache";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { paymentHref } from "@/lib/ids";
import { parseKroner } from "@/lib/money/amount";
import { submitMoneyOperation } from "@/lib/money/engine";
import { moneyFormSchema } from "@/lib/money/input";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

const input = zfd.formData(moneyFormSchema);

export const submitMoneyOperationAction = actionClient
  .metadata({ name: "submit-money-operation", permission: "payments:money" })
  .inputSchema(input, translatedErrors)
  .stateAction(async ({ parsedInput: f, ctx }) => {
    const amount = f.amount === "all" ? ("all" as const) : (parseKroner(f.amount) as { ok: true; ore: number }).ore;
    const confirm = f.kind === "release" ? parseKroner(f.confirm ?? "") : null;
    const deps = { db: await db(), clientFor: ecomClientFor, stalePendingMs: env().money.stalePendingMs };
    const result = await submitMoneyOperation(deps, ctx.actor, {
      msn: f.msn,
      orderId: f.orderId,
      kind: f.kind,
      amount: f.kind === "release" || f.kind === "cancel" ? "all" : amount,
      reason: f.kind === "refund" ? f.reason : undefined,
      note: f.note?.trim() || undefined,
      idempotencyKey: f.idempotencyKey,
      confirmAmount: confirm?.ok ? confirm.ore : undefined,
    });
    revalidatePath(paymentHref(f.msn, f.orderId));
    return result;
  });
