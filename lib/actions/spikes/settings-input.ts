// The webhook settings form's input, shared by the save and test actions. Field messages are codes
// of the spikes dictionary section (spikes.input), translated by `spikeInputErrors`.
import "server-only";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { translatedErrorsWith } from "@/lib/actions/client";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { webhookUrlProblem } from "@/lib/spikes/url";

/** Plain http to this machine is for demo and test receivers only. */
const allowLoopbackHttp = () => env().demoMode || env().nodeEnv === "test";

const url = z
  .string()
  .trim()
  .optional()
  .superRefine((v, ctx) => {
    const problem = v ? webhookUrlProblem(v, allowLoopbackHttp()) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => v || undefined);

export const webhookSettingsInput = zfd.formData({
  url,
  removeUrl: zfd.checkbox(),
  enabled: zfd.checkbox(),
  cooldownMinutes: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, "spike_cooldown_range")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1440, "spike_cooldown_range"),
  locale: z.enum(LOCALES),
});

export const webhookTestInput = zfd.formData({ url, locale: z.enum(LOCALES).catch("nb") });

/** Like `translatedErrors`, with the spikes section's field messages added to the pipeline's. */
export const spikeInputErrors = translatedErrorsWith((t) => t.spikes.input);
