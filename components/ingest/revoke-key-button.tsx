"use client";
import { useActionState } from "react";
import { revokeApiKeyAction, type RevokeApiKeyState } from "@/lib/actions/ingest/revoke-api-key";
import { interpolate } from "@/lib/i18n/locales";

export function RevokeKeyButton({
  id,
  name,
  label,
  confirmText,
}: {
  id: string;
  name: string;
  label: string;
  confirmText: string;
}) {
  const [state, action, pending] = useActionState<RevokeApiKeyState, FormData>(revokeApiKeyAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(interpolate(confirmText, { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="whitespace-nowrap rounded-lg border border-surface-line px-3 py-1 text-xs font-medium text-bad-fg hover:bg-bad-bg disabled:opacity-60"
      >
        {label}
      </button>
      {state.error ? (
        <p role="alert" className="mt-1 text-xs text-bad-fg">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
