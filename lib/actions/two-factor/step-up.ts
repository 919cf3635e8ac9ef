// The step-up check as actions use it: before the work starts, a user with two-factor sign-in whose
// last code in this session is older than 10 minutes gets a "step_up_required" answer instead; the
// form then sends the same request again with a code in STEP_UP_FIELD.
import "server-only";
import { STEP_UP_FIELD, type StepUpRequired } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/permissions";
import { checkStepUp } from "@/lib/auth/two-factor/step-up";
import { db } from "@/lib/db/client";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";
import { codeRefusalMessage, requestLimits } from "./codes";

/** The code the form sent along, if any (a FormData field, or a property of a JSON input). */
function codeIn(clientInput: unknown): string | undefined {
  const value =
    clientInput instanceof FormData
      ? clientInput.get(STEP_UP_FIELD)
      : typeof clientInput === "object" && clientInput !== null
        ? (clientInput as Record<string, unknown>)[STEP_UP_FIELD]
        : undefined;
  return typeof value === "string" ? value : undefined;
}

/** null when the action may go on; otherwise the answer to give (nothing has been done). */
export async function stepUpRefusal(
  ctx: { actor: Actor; t: Dictionary; locale: Locale },
  clientInput: unknown,
): Promise<StepUpRequired | null> {
  const code = codeIn(clientInput);
  const check = await checkStepUp(await db(), ctx.actor, code, new Date(), requestLimits);
  if (check.ok) return null;
  if (check.reason === "required")
    // The prompt was sent empty: say so; on the first ask there is nothing to say yet.
    return {
      ok: false,
      outcome: "step_up_required",
      ...(code !== undefined ? { error: ctx.t.twoFactor.errors.codeRequired } : {}),
    };
  return { ok: false, outcome: "step_up_required", error: codeRefusalMessage(ctx.t, ctx.locale, check) };
}
