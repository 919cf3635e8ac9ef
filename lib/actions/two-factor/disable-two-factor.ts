"use server";
// Turns two-factor sign-in off, with a current code; refused while the user's role requires it.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { clientInfo } from "@/lib/auth/client";
import { disableTwoFactor } from "@/lib/auth/two-factor/enrolment";
import { ENROL_PATH } from "@/lib/auth/two-factor/policy";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appLimiters } from "@/lib/limits/app";
import { codeRefusalMessage } from "./messages";

const input = zfd.formData({ code: zfd.text(z.string({ error: "codeRequired" }).max(64, { error: "codeRequired" })) });

export const disableTwoFactorAction = actionClient
  .metadata({ name: "disable-two-factor", permission: null })
  .inputSchema(input, translatedErrors)
  .stateAction(
    async ({ parsedInput, ctx: { actor, t, locale } }): Promise<{ ok: true } | { ok: false; error: string }> => {
      const outcome = await disableTwoFactor(await db(), actor, parsedInput.code, {
        now: new Date(),
        client: clientInfo(await headers(), env().trustedProxyHops),
        addressLimiter: appLimiters().signInFailuresPerAddress,
      });
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
