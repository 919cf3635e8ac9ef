"use server";
// An admin creates a user; the answer carries the one-time invitation link (shown once).
import { revalidatePath } from "next/cache";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { createUser, createUserForm, UserRefused } from "@/lib/users/manage";
import { userProblemText } from "./messages";
import { mailLink, type LinkMail } from "./origin";

export type LinkResult =
  | { ok: true; userId: string; path: string; expiresAt: string; mail: LinkMail }
  | { ok: false; error: string; field?: string };

export const createUserAction = actionClient
  .metadata({ name: "create-user", permission: "users:manage" })
  .inputSchema(createUserForm, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { actor, t, locale } }): Promise<LinkResult> => {
    try {
      const { userId, link } = await createUser(await db(), actor, input);
      const mail = await mailLink(input.email, link.path, (url) => ({
        subject: t.users.mail.inviteSubject,
        body: interpolate(t.users.mail.inviteBody, {
          name: input.name,
          by: actor.name,
          url,
          until: formatDateTime(link.expiresAt, locale),
        }),
      }));
      revalidatePath("/admin/users");
      return { ok: true, userId, path: link.path, expiresAt: link.expiresAt.toISOString(), mail };
    } catch (err) {
      if (err instanceof UserRefused)
        return {
          ok: false,
          error: userProblemText(t, err.problem),
          field: err.problem === "email_taken" ? "email" : "msns",
        };
      throw err;
    }
  });
