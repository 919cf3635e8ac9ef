"use server";
// Turns two-factor sign-in on: the code typed must come from the secret the page showed (sealed to
// this user in the form). The recovery codes come back once, in this result; only hashes are kept.
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { confirmEnrolment } from "@/lib/auth/two-factor/enrolment";
import { db } from "@/lib/db/client";

export type ConfirmTwoFactorResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: string };

const input = zfd.formData({
  token: zfd.text(z.string({ error: "invalid" }).max(2000, { error: "invalid" })),
  code: zfd.text(z.string({ error: "codeRequired" }).max(64, { error: "codeRequired" })),
});

export const confirmTwoFactorAction = actionClient
  .metadata({ name: "confirm-two-factor", permission: null, beforeTwoFactor: true })
  .inputSchema(input, translatedErrors)
  .stateAction(async ({ parsedInput, ctx: { actor, t } }): Promise<ConfirmTwoFactorResult> => {
    const outcome = await confirmEnrolment(await db(), actor, parsedInput, new Date());
    if (outcome.ok) return outcome;
    const e = t.twoFactor.errors;
    const messages = { expired: e.enrolExpired, invalid: e.enrolInvalidCode, already_enrolled: e.alreadyEnrolled };
    return { ok: false, error: messages[outcome.reason] };
  });
