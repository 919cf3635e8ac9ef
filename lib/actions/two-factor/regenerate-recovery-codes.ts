"use server";
// Ten new recovery codes (the old ones stop working), with a current code. Shown once, in this result.
import { revalidatePath } from "next/cache";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/enrolment";
import { ENROL_PATH } from "@/lib/auth/two-factor/policy";
import { db } from "@/lib/db/client";
import { codeFormInput, codeRefusalMessage, requestAttempt } from "./codes";

export type RegenerateResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: string };

export const regenerateRecoveryCodesAction = actionClient
  .metadata({ name: "regenerate-recovery-codes", permission: null })
  .inputSchema(codeFormInput, translatedErrors)
  .stateAction(async ({ parsedInput, ctx: { actor, t, locale } }): Promise<RegenerateResult> => {
    const outcome = await regenerateRecoveryCodes(await db(), actor, parsedInput.code, await requestAttempt());
    if (outcome.ok) {
      revalidatePath(ENROL_PATH);
      return outcome;
    }
    if (outcome.reason === "not_enrolled") return { ok: false, error: t.twoFactor.errors.notEnrolled };
    return { ok: false, error: codeRefusalMessage(t, locale, outcome) };
  });
