// The sales-unit admin forms' inputs, shared by their actions. Field messages are codes: the
// pipeline's (actions.input) or this feature's (salesUnitsAdmin.input), translated by `unitInputErrors`.
import "server-only";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { translatedErrorsWith } from "@/lib/actions/client";
import { msnSchema, UUID_PATTERN } from "@/lib/ids";
import { KEY_FIELDS, keyProblems, type KeyField } from "@/lib/sales-units/key-format";

export const unitInputErrors = translatedErrorsWith((t) => t.salesUnitsAdmin.input);

const ENVIRONMENTS = ["simulator", "test", "production"] as const;
const CAPTURE_TYPES = ["reserve", "direct"] as const;

/** A display name: 1–200 characters after trimming, no control characters. */
const displayName = (code: string, max: number) =>
  zfd.text(
    z
      .string({ error: code })
      .trim()
      .min(1, code)
      .max(max, code)
      .refine((v) => !/\p{Cc}/u.test(v), code),
  );

const environment = z.enum(ENVIRONMENTS, { error: "environment" });
const captureType = z.enum(CAPTURE_TYPES, { error: "captureType" });

export const newUnitInput = zfd.formData({
  msn: zfd.text(msnSchema),
  name: displayName("unitName", 200),
  environment,
  captureType,
});

export const unitDetailsInput = zfd.formData({
  msn: msnSchema,
  name: displayName("unitName", 200),
  captureType,
});

export const msnOnlyInput = zfd.formData({ msn: msnSchema });

/**
 * The three keys, exactly as typed: a value with a space or line break is refused, never trimmed.
 * Their shape and length are checked by keyProblems (the request body limit bounds what arrives).
 */
const keyFields = {
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  subscriptionKey: z.string().optional(),
};

function checkKeys(v: Partial<Record<KeyField, string | undefined>>, ctx: z.RefinementCtx) {
  const problems = keyProblems(v);
  for (const field of KEY_FIELDS) {
    const problem = problems[field];
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
  }
}

const asCredentials = (v: Partial<Record<KeyField, string | undefined>>) => ({
  clientId: v.clientId ?? "",
  clientSecret: v.clientSecret ?? "",
  subscriptionKey: v.subscriptionKey ?? "",
});

export const unitKeysInput = zfd
  .formData(z.object({ msn: msnSchema, intent: z.enum(["save", "save_and_test"]).catch("save"), ...keyFields }))
  .superRefine(checkKeys)
  .transform((v) => ({ msn: v.msn, intent: v.intent, credentials: asCredentials(v) }));

const uuid = (code: string) => z.string({ error: code }).regex(UUID_PATTERN, code);

export const choosePartnerKeyInput = zfd.formData({ msn: msnSchema, partnerKeyId: uuid("partnerKeyRequired") });

export const activeInput = zfd.formData({
  msn: msnSchema,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const callbackTokenInput = zfd.formData({ msn: msnSchema, change: z.enum(["new", "remove"]) });

export const newPartnerKeyInput = zfd
  .formData(z.object({ name: displayName("partnerKeyName", 100), environment, ...keyFields }))
  .superRefine(checkKeys)
  .transform((v) => ({ name: v.name, environment: v.environment, credentials: asCredentials(v) }));

export const rotatePartnerKeyInput = zfd
  .formData(z.object({ id: uuid("uuid"), ...keyFields }))
  .superRefine(checkKeys)
  .transform((v) => ({ id: v.id, credentials: asCredentials(v) }));

export const partnerKeyIdInput = zfd.formData({ id: uuid("uuid") });
