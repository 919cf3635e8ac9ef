"use server";
// The account page: end one of my sessions, or every other one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { endOtherSessions, endOwnSession } from "@/lib/users/sessions";

const input = zfd.formData({ sessionId: z.union([z.uuid({ error: "uuid" }), z.literal("others")]) });

export const endMySessionAction = actionClient
  .metadata({ name: "end-my-session", permission: null })
  .inputSchema(input, translatedErrors)
  .stateAction(async ({ parsedInput: { sessionId }, ctx: { actor } }) => {
    const prisma = await db();
    const ended =
      sessionId === "others"
        ? await endOtherSessions(prisma, actor)
        : Number(await endOwnSession(prisma, actor, sessionId));
    revalidatePath("/account");
    return { ok: true as const, ended };
  });
