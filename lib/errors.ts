// One error type for expected failures. `code` is a closed set, which the action pipeline shows as
// its message from the dictionary (actions.errors); `message` is for logs only and never reaches
// the browser.
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  /** The user's role requires two-factor sign-in and they have not enrolled yet. */
  | "two_factor_required"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "upstream"
  | "internal";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
