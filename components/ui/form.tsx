// Form pieces shared by the admin and account pages: the button styles and a result line. Fields:
// components/ui/text-field.tsx.

// White on brand-700 is 5.4:1 and on brand-800 (hover) 7:1; brand-500 is for decoration only (3.1:1).
const primary =
  "rounded-lg bg-brand-700 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const primaryButton = `${primary} px-4 py-2`;
export const primaryButtonSmall = `${primary} px-3 py-1.5`;
export const secondaryButton =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-medium text-ink hover:bg-surface-sunken disabled:opacity-60";
export const dangerButton =
  "rounded-lg border border-bad-fg/40 bg-surface px-3 py-2 text-sm font-medium text-bad-fg hover:bg-bad-bg disabled:opacity-60";

export { FormMessage } from "./form-message";
