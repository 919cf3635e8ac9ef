// The shape every server action answers (next-safe-action's result), and how a form reads it.
// Safe for client components: no server code here.
export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}

export interface ActionState<T> {
  data?: T;
  /** A refusal or failure, already in the user's language. */
  serverError?: string;
  /** Field messages, already in the user's language. */
  validationErrors?: FieldErrors;
}

/** The one message to show for a result that did not succeed (the first field message, or the error). */
export function errorOf(state: ActionState<unknown>): string | undefined {
  if (state.serverError) return state.serverError;
  const v = state.validationErrors;
  if (!v) return undefined;
  return v.formErrors[0] ?? Object.values(v.fieldErrors).find((m) => m?.length)?.[0];
}

/** The form field a step-up code is sent in (components/account/two-factor/step-up-prompt.tsx). */
export const STEP_UP_FIELD = "stepUpCode";

/**
 * What an action answers when it needs a fresh second-factor code first (lib/auth/two-factor/
 * step-up.ts): nothing was done; the form asks for a code and sends the same request again with it.
 */
export interface StepUpRequired {
  ok: false;
  outcome: "step_up_required";
  /** Why the code given was not accepted (absent when none was given yet). */
  error?: string;
}

export function isStepUp(data: unknown): data is StepUpRequired {
  return typeof data === "object" && data !== null && (data as { outcome?: unknown }).outcome === "step_up_required";
}
