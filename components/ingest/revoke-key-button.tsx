"use client";
import { useActionState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/ingest/revoke-api-key";
import { errorOf } from "@/lib/actions/result";
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
  const [result, action, pending] = useActionState(revokeApiKeyAction, {});
  const error = errorOf(result);
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
      {error ? (
        <p role="alert" className="mt-1 text-xs text-bad-fg">
          {error}
        </p>
      ) : null}
    </form>
  );
}
