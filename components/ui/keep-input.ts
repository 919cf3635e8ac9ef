"use client";
// Submitting a form to a server action without React's reset after the action, so what was typed
// stays in place when the server refuses it. The pressed button's name and value go along.
import { startTransition, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/result";

export function submitKeepingInput(dispatch: (data: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => dispatch(data));
  };
}

/** The first message for one field of a result. */
export const fieldError = (state: ActionState<unknown>, name: string) => state.validationErrors?.fieldErrors[name]?.[0];

/** The result's one message when none of `fields` has one (a refusal, a failure, a form error). */
export function nonFieldError(state: ActionState<unknown>, fields: readonly string[]): string | undefined {
  if (fields.some((f) => fieldError(state, f))) return undefined;
  return state.serverError ?? state.validationErrors?.formErrors[0];
}
