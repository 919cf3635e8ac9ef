// The money dialog's fields, checked the same way in the browser (as the user types) and in the
// action. Messages are dictionary codes (actions.input.* and money.amount.*).
import { z } from "zod";
import { msnSchema, orderIdSchema } from "@/lib/ids";
import { parseKroner } from "./amount";
import { MONEY_KINDS, REFUND_REASONS } from "./rules";

export const NOTE_MAX = 500;

export const moneyFormSchema = z
  .object({
    msn: msnSchema,
    orderId: orderIdSchema,
    kind: z.enum(MONEY_KINDS, { error: "invalid" }),
    /** Kroner as written, or "all". */
    amount: z.string({ error: "required" }).max(40, { error: "amount_not_a_number" }),
    reason: z.enum(REFUND_REASONS, { error: "reasonRequired" }).optional(),
    note: z.string().max(NOTE_MAX, { error: "noteTooLong" }).optional(),
    /** Release only: the amount being released, typed again to confirm. */
    confirm: z.string().max(40).optional(),
    idempotencyKey: z.uuid({ error: "invalid" }),
  })
  .superRefine((v, ctx) => {
    if (v.amount !== "all") {
      const parsed = parseKroner(v.amount);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["amount"], message: `amount_${parsed.problem}` });
    }
    if (v.kind === "refund" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    if (v.kind !== "refund" && v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "invalid" });
    if (v.kind === "release") {
      const confirm = parseKroner(v.confirm ?? "");
      if (!confirm.ok) ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirmRequired" });
    }
  });
export type MoneyForm = z.infer<typeof moneyFormSchema>;
