"use server";
// Sign out: this browser's session ends on the server (a saved copy of the cookie is worthless from
// the next request on), then Auth.js clears the cookie. "Everywhere" ends every session of the user.
import { zfd } from "zod-form-data";
import { signOut } from "@/auth";
import { actionClient } from "@/lib/actions/client";
import { audit } from "@/lib/audit";
import { endAllSessions, endSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";

const signOutInput = zfd.formData({ everywhere: zfd.checkbox().optional().default(false) });

export const signOutAction = actionClient
  .metadata({ name: "sign-out", permission: null, beforeTwoFactor: true })
  .inputSchema(signOutInput)
  .action(async ({ parsedInput: { everywhere }, ctx: { actor } }) => {
    const prisma = await db();
    if (everywhere) {
      const ended = await endAllSessions(prisma, actor.id, "sign_out_everywhere");
      await audit(prisma, {
        action: "sign_out_everywhere",
        outcome: "success",
        who: actor,
        details: { sessions: ended },
      });
    } else {
      if (actor.sessionId) await endSession(prisma, actor.sessionId, "sign_out");
      await audit(prisma, { action: "sign_out", outcome: "success", who: actor });
    }
    await signOut({ redirectTo: "/login" });
  });

/** For a plain `<form action>` (no result to show: it always ends on /login). */
export async function signOutFormAction(form: FormData): Promise<void> {
  await signOutAction(form);
}
