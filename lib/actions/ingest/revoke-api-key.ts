"use server";
// Revokes a shop API key at once: the next request with it gets 401.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import type { StepUpRequired } from "@/lib/actions/result";
import { stepUpRefusal } from "@/lib/actions/two-factor/step-up";
import { db } from "@/lib/db/client";
import { revokeApiKey } from "@/lib/ingest/api-keys";

const revokeApiKeyInput = zfd.formData({ id: z.uuid({ error: "uuid" }) });

export const revokeApiKeyAction = actionClient
  .metadata({ name: "revoke-api-key", permission: "users:manage" })
  .inputSchema(revokeApiKeyInput, translatedErrors)
  .stateAction(async ({ parsedInput, clientInput, ctx }): Promise<{ ok: true } | StepUpRequired> => {
    const stepUp = await stepUpRefusal(ctx, clientInput);
    if (stepUp) return stepUp;
    await revokeApiKey(await db(), ctx.actor, parsedInput.id);
    revalidatePath("/admin/api-keys");
    return { ok: true as const };
  });
