"use server";
// An admin changes a user's name, role, sales units or payment access.
import { revalidatePath } from "next/cache";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { updateUser, updateUserForm, UserRefused } from "@/lib/users/manage";
import { userProblemText } from "./messages";

export type UpdateUserResult = { ok: true; sessionsEnded: number } | { ok: false; error: string };

export const updateUserAction = actionClient
  .metadata({ name: "update-user", permission: "users:manage" })
  .inputSchema(updateUserForm, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { actor, t } }): Promise<UpdateUserResult> => {
    try {
      const { sessionsEnded } = await updateUser(await db(), actor, input);
      revalidatePath("/admin/users");
      return { ok: true, sessionsEnded };
    } catch (err) {
      if (err instanceof UserRefused) return { ok: false, error: userProblemText(t, err.problem) };
      throw err;
    }
  });
