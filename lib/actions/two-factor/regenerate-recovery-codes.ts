"use server";
// Ten new recovery codes (the old ones stop working), with a current code. Shown once, in this result.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { clientInfo } from "@/lib/auth/client";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/enrolment";
import { ENROL_PATH } from "@/lib/auth/two-factor/policy";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appLimiters } from "@/lib/limits/app";
import { codeRefusalMessage } from "./messages";

const input = zfd.formData({ code: zfd.text(z.string({ error: "codeRequired" }).max(64, { error: "codeRequired" })) });

export type RegenerateResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: string };

export const regenerateRecoveryCodesAction = actionClient
  .metadata({ name: "regenerate-recovery-codes", permission: null })
  .inputSchema(input, translatedErrors)
  .stateAction(async ({ parsedInput, ctx: { actor, t, locale } }): Promise<RegenerateResult> => {
    const outcome = await regenerateRecoveryCodes(await db(), actor, parsedInput.code, {
      now: new Date(),
      client: clientInfo(await headers(), env().trustedProxyHops),
      addressLimiter: appLimiters().signInFailuresPerAddress,
    });
    if (outcome.ok) {
      revalidatePath(ENROL_PATH);
      return outcome;
    }
    if (outcome.reason === "not_enrolled") return { ok: false, error: t.twoFactor.errors.notEnrolled };
    return { ok: false, error: codeRefusalMessage(t, locale, outcome) };
  });
