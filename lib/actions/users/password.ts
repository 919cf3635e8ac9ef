"use server";
// Setting a password: with a one-time link (public: the person is not signed in yet), or from the
// account page with the current one.
import { revalidatePath } from "next/cache";
import { actionClient, publicActionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { changeOwnPassword, changePasswordForm, setPasswordForm, setPasswordWithLink } from "@/lib/users/password";
import { passwordProblemText } from "./messages";

export type PasswordResult = { ok: true; email?: string; sessionsEnded?: number } | { ok: false; error: string };

export const setPasswordAction = publicActionClient
  .metadata({ name: "set-password", permission: null })
  .inputSchema(setPasswordForm, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { t } }): Promise<PasswordResult> => {
    const res = await setPasswordWithLink(await db(), input);
    return res.ok ? { ok: true, email: res.email } : { ok: false, error: passwordProblemText(t, res.problem) };
  });

export const changePasswordAction = actionClient
  .metadata({ name: "change-password", permission: null })
  .inputSchema(changePasswordForm, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { actor, t } }): Promise<PasswordResult> => {
    const res = await changeOwnPassword(await db(), actor, input);
    if (!res.ok) return { ok: false, error: passwordProblemText(t, res.problem) };
    revalidatePath("/account");
    return { ok: true, sessionsEnded: res.sessionsEnded };
  });
