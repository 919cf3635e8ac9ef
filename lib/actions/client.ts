// The one pipeline every server action goes through (next-safe-action). In order:
//   1. the actor from the server-side session (signed out → refused);
//   2. the named permission, fail-closed (refused → audited as action_refused);
//   3. the input parsed with the zod schema the form also uses (field messages are dictionary codes,
//      turned into the user's language here);
//   4. the action's own work, a plain function in lib/<domain>/ that takes the actor and writes its
//      own audit row (so jobs and tests that call it directly are audited too);
//   5. errors: an AppError becomes its user-safe message; anything else is logged with a reference
//      the user sees, and audited. Navigation (redirect, notFound) passes through untouched.
import "server-only";
import { randomUUID } from "node:crypto";
import { createSafeActionClient, flattenValidationErrors } from "next-safe-action";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { getActor } from "@/lib/auth/actor";
import { can, PERMISSIONS, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import type { FieldErrors } from "./result";

const metadataSchema = z.object({
  /** kebab-case name of the action, for logs and audit rows. */
  name: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  /** What the actor must be allowed; null only for actions anyone signed in may call. */
  permission: z.enum(PERMISSIONS).nullable(),
  /** Allowed to a user who must enrol in two-factor sign-in and has not yet (enrolment, sign-out). */
  beforeTwoFactor: z.boolean().optional(),
});

type InputCode = keyof Dictionary["actions"]["input"];

function errorMessage(t: Dictionary, code: AppErrorCode, ref: string): string {
  const e = t.actions.errors;
  switch (code) {
    case "unauthenticated":
      return e.unauthenticated;
    case "forbidden":
      return e.forbidden;
    case "two_factor_required":
      return e.twoFactorRequired;
    case "not_found":
      return e.notFound;
    case "conflict":
      return e.conflict;
    case "upstream":
      return e.upstream;
    case "invalid_input":
      return e.invalidInput;
    case "internal":
      return interpolate(e.unexpected, { ref });
  }
}

const translate = (t: Dictionary, message: string) =>
  message in t.actions.input ? t.actions.input[message as InputCode] : t.actions.input.invalid;

interface PipelineCtx {
  actor?: Actor;
}

/** For actions anyone may call (sign-in, language): error mapping and field messages only. */
export const publicActionClient = createSafeActionClient({
  defineMetadataSchema: () => metadataSchema,
  defaultValidationErrorsShape: "flattened",
  async handleServerError(error, { metadata, ctx }) {
    const { t } = await getI18n();
    const actor = (ctx as PipelineCtx).actor;
    const ref = randomUUID().slice(0, 8);
    const name = metadata?.name ?? "unknown";
    if (isAppError(error)) {
      if (error.code !== "internal") {
        if (!error.details?.audited)
          await audit(await db(), {
            action: "action_refused",
            outcome: "refused",
            who: actor,
            details: { name, code: error.code },
          }).catch(() => {});
        return errorMessage(t, error.code, ref);
      }
    }
    console.error(`[action ${name} ${ref}]`, error);
    await audit(await db(), { action: "action_refused", outcome: "error", who: actor, details: { name, ref } }).catch(
      () => {},
    );
    return interpolate(t.actions.errors.unexpected, { ref });
  },
}).use(async ({ next }) => {
  const { t, locale } = await getI18n();
  return next({ ctx: { t, locale } });
});

/** Field errors with dictionary codes as messages → the same shape in the user's language. */
export async function translatedFieldErrors(
  errors: Parameters<typeof flattenValidationErrors>[0],
  t?: Dictionary,
): Promise<FieldErrors> {
  const dict = t ?? (await getI18n()).t;
  const flat = flattenValidationErrors(errors);
  return {
    formErrors: flat.formErrors.map((m) => translate(dict, m)),
    fieldErrors: Object.fromEntries(
      Object.entries(flat.fieldErrors).map(([k, v]) => [
        k,
        (v as string[] | undefined)?.map((m) => translate(dict, m)),
      ]),
    ),
  };
}

/** For everything behind sign-in: actor, permission, then the action (ctx.actor). */
export const actionClient = publicActionClient.use(async ({ next, metadata }) => {
  const actor = await getActor();
  const refuse = async (code: "unauthenticated" | "forbidden" | "two_factor_required") => {
    const details = { name: metadata.name, code, ...(metadata.permission ? { permission: metadata.permission } : {}) };
    await audit(await db(), { action: "action_refused", outcome: "refused", who: actor, details });
    return new AppError(code, `${metadata.name}: ${code}`, { audited: true });
  };
  if (!actor) throw await refuse("unauthenticated");
  if (actor.twoFactor?.mustEnrol && !metadata.beforeTwoFactor) throw await refuse("two_factor_required");
  if (metadata.permission && !can(actor, metadata.permission)) throw await refuse("forbidden");
  return next({ ctx: { actor } });
});

/** Pass as `.inputSchema(schema, translatedErrors)`: field messages in the user's language. */
export const translatedErrors = {
  handleValidationErrorsShape: (errors: Parameters<typeof flattenValidationErrors>[0]) => translatedFieldErrors(errors),
};

/** Like `translatedErrors`, with a feature section's field messages (codes → words) added to the pipeline's. */
export function translatedErrorsWith(section: (t: Dictionary) => Record<string, string>) {
  return {
    handleValidationErrorsShape: async (errors: Parameters<typeof flattenValidationErrors>[0]) => {
      const { t } = await getI18n();
      return translatedFieldErrors(errors, {
        ...t,
        actions: { ...t.actions, input: { ...t.actions.input, ...section(t) } },
      });
    },
  };
}
