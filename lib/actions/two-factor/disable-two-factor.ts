"use server";
// Turns two-factor sign-in off, with a current code; refused while the user's role requires it.
import { revalidatePath } from "next/cache";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { disableTwoFactor } from "@/lib/auth/two-factor/enrolment";
import { ENROL_PATH } from "@/lib/auth/two-factor/policy";
import { db } from "@/lib/db/client";
import { codeFormInput, codeRefusalMessage, requestAttempt } from "./codes";

export const disableTwoFactorAction = actionClient
  .metadata({ name: "disable-two-factor", permission: null })
  .inputSchema(codeFormInput, translatedErrors)
  .stateAction(
    async ({ parsedInput, ctx: { actor, t, locale } }): Promise<{ ok: true } | { ok: false; error: string }> => {
      const outcome = await disableTwoFactor(await db(), actor, parsedInput.code, await requestAttempt());
      if (outcome.ok) {
        revalidatePath(ENROL_PATH);
        return outcome;
      }
      const e = t.twoFactor;
      if (outcome.reason === "not_enrolled") return { ok: false, error: e.errors.notEnrolled };
      if (outcome.reason === "required_by_role") return { ok: false, error: e.disable.requiredByRole };
      return { ok: false, error: codeRefusalMessage(t, locale, outcome) };
    },
  );
