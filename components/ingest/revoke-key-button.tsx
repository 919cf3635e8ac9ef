"use client";
import { useActionState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/ingest/revoke-api-key";
import { errorOf } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

export function RevokeKeyButton({ id, name, t }: { id: string; name: string; t: Dictionary["ingest"]["apiKeys"] }) {
  const [result, action, pending] = useActionState(revokeApiKeyAction, {});
  const error = errorOf(result);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(interpolate(t.revokeConfirm, { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="whitespace-nowrap rounded-lg border border-surface-line px-3 py-1 text-xs font-medium text-bad-fg hover:bg-bad-bg disabled:opacity-60"
      >
        {t.revoke}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-bad-fg">
          {error}
        </p>
      ) : null}
    </form>
  );
}
