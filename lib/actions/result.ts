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
