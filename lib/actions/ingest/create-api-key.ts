"use server";
// Creates an API key for the shop's ingest API. The key comes back once, in this action's result;
// only its hash is stored (lib/ingest/api-keys.ts).
import { revalidatePath } from "next/cache";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import type { StepUpRequired } from "@/lib/actions/result";
import { stepUpRefusal } from "@/lib/actions/two-factor/step-up";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { createApiKey, createApiKeyForm } from "@/lib/ingest/api-keys";

export type CreateApiKeyResult =
  { ok: true; name: string; key: string } | { ok: false; error: string } | StepUpRequired;

export const createApiKeyAction = actionClient
  .metadata({ name: "create-api-key", permission: "users:manage" })
  .inputSchema(createApiKeyForm, translatedErrors)
  .stateAction(async ({ parsedInput, clientInput, ctx }): Promise<CreateApiKeyResult> => {
    const stepUp = await stepUpRefusal(ctx, clientInput);
    if (stepUp) return stepUp;
    try {
      const created = await createApiKey(await db(), ctx.actor, parsedInput);
      revalidatePath("/admin/api-keys");
      return { ok: true, name: created.name, key: created.key };
    } catch (err) {
      if (isAppError(err) && err.code === "invalid_input")
        return { ok: false, error: ctx.t.ingest.apiKeys.errors.unknownUnit };
      throw err;
    }
  });
