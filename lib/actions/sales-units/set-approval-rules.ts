"use server";
// An admin sets a sales unit's four-eyes rules (lib/sales-units/approval-rules.ts).
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { msnSchema } from "@/lib/ids";
import { parseKroner } from "@/lib/money/amount";
import { setApprovalRules } from "@/lib/sales-units/approval-rules";
import { revalidateUnits } from "./revalidate";

const input = zfd.formData({
  msn: msnSchema,
  threshold: z
    .string()
    .max(40)
    .optional()
    .superRefine((v, ctx) => {
      if (!v?.trim()) return;
      const parsed = parseKroner(v);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `amount_${parsed.problem}` });
    }),
  releaseNeedsApproval: zfd.checkbox(),
});

export const setApprovalRulesAction = actionClient
  .metadata({ name: "set-approval-rules", permission: "salesunits:manage" })
  .inputSchema(input, translatedErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    const parsed = p.threshold?.trim() ? parseKroner(p.threshold) : null;
    await setApprovalRules(await db(), ctx.actor, p.msn, {
      thresholdOre: parsed?.ok ? parsed.ore : null,
      releaseNeedsApproval: p.releaseNeedsApproval,
    });
    revalidateUnits(p.msn);
    return { ok: true as const };
  });
