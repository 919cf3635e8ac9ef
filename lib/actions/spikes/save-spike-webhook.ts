"use server";
// An admin sets the spike webhook: a new URL (write-only), on/off, cooldown, message language.
import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { secrets } from "@/lib/secrets";
import { saveWebhookSettings } from "@/lib/spikes/settings";
import { spikeInputErrors, webhookSettingsInput } from "./settings-input";

export const saveSpikeWebhookAction = actionClient
  .metadata({ name: "save-spike-webhook", permission: "alerts:manage" })
  .inputSchema(webhookSettingsInput, spikeInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    const saved = await saveWebhookSettings(await db(), ctx.actor, p, secrets().encryptionKey);
    if (!saved.ok) return { ok: false as const, error: ctx.t.spikes.settings.errors[saved.code] };
    revalidatePath("/errors/alerts");
    return { ok: true as const };
  });
