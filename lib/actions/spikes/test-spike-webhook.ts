"use server";
// "Send test": posts the test message to the URL typed in the form, or the stored one, and says in
// words what the receiver answered.
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { interpolate } from "@/lib/i18n/locales";
import { secrets } from "@/lib/secrets";
import { testWebhook } from "@/lib/spikes/settings";
import { spikeInputErrors, webhookTestInput } from "./settings-input";

export const testSpikeWebhookAction = actionClient
  .metadata({ name: "test-spike-webhook", permission: "alerts:manage" })
  .inputSchema(webhookTestInput, spikeInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    const s = ctx.t.spikes;
    const tested = await testWebhook(await db(), ctx.actor, p.url, secrets().encryptionKey, p.locale);
    if (!tested.ok) return { ok: false as const, message: s.settings.errors[tested.code] };
    const o = tested.outcome;
    if (o.ok) return { ok: true as const, message: interpolate(s.settings.testSent, { status: o.status }) };
    const hint = o.reason === "http" ? (s.settings.httpHints as Record<string, string>)[String(o.status)] : undefined;
    const reason =
      o.reason === "http"
        ? interpolate(s.reasons.http, { status: o.status }) + (hint ? ` (${hint})` : "")
        : s.reasons[o.reason];
    return { ok: false as const, message: interpolate(s.settings.testFailed, { reason }) };
  });
