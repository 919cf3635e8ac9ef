"use server";
// An admin deactivates or reactivates a user, sends a new password link, or ends their sessions.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { sendPasswordLink, setUserActive, UserRefused } from "@/lib/users/manage";
import { endUserSessions } from "@/lib/users/sessions";
import type { LinkResult } from "./create-user";
import { userProblemText } from "./messages";
import { mailLink } from "./origin";

const target = zfd.formData({ userId: z.uuid({ error: "uuid" }) });
const activeInput = zfd.formData({ userId: z.uuid({ error: "uuid" }), active: z.enum(["true", "false"]) });

export type StatusResult = { ok: true; sessionsEnded: number } | { ok: false; error: string };

export const setUserActiveAction = actionClient
  .metadata({ name: "set-user-active", permission: "users:manage" })
  .inputSchema(activeInput, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { actor, t } }): Promise<StatusResult> => {
    try {
      const res = await setUserActive(await db(), actor, input.userId, input.active === "true");
      revalidatePath("/admin/users");
      return { ok: true, ...res };
    } catch (err) {
      if (err instanceof UserRefused) return { ok: false, error: userProblemText(t, err.problem) };
      throw err;
    }
  });

export const sendPasswordLinkAction = actionClient
  .metadata({ name: "send-password-link", permission: "users:manage" })
  .inputSchema(target, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { actor, t, locale } }): Promise<LinkResult> => {
    try {
      const { link, email, name, purpose } = await sendPasswordLink(await db(), actor, input.userId);
      const m = t.users.mail;
      const mail = await mailLink(email, link.path, (url) => ({
        subject: purpose === "invite" ? m.inviteSubject : m.resetSubject,
        body: interpolate(purpose === "invite" ? m.inviteBody : m.resetBody, {
          name,
          by: actor.name,
          url,
          until: formatDateTime(link.expiresAt, locale),
        }),
      }));
      revalidatePath("/admin/users");
      return { ok: true, userId: input.userId, path: link.path, expiresAt: link.expiresAt.toISOString(), mail };
    } catch (err) {
      if (err instanceof UserRefused) return { ok: false, error: userProblemText(t, err.problem) };
      throw err;
    }
  });

export const endUserSessionsAction = actionClient
  .metadata({ name: "end-user-sessions", permission: "users:manage" })
  .inputSchema(target, translatedErrors)
  .stateAction(async ({ parsedInput: input, ctx: { actor } }): Promise<StatusResult> => {
    const sessionsEnded = await endUserSessions(await db(), actor, input.userId);
    revalidatePath("/admin/users");
    return { ok: true, sessionsEnded };
  });
