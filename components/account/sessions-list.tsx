"use client";
// My open sessions: when, from where, which browser; end one, or all but this one.
import { useActionState } from "react";
import { FormMessage, secondaryButton } from "@/components/ui/form";
import { errorOf } from "@/lib/actions/result";
import { endMySessionAction } from "@/lib/actions/users/sessions";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import { describeBrowser } from "@/lib/users/user-agent";

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

export function SessionsList({
  sessions,
  t,
  locale,
}: {
  sessions: SessionRow[];
  t: Dictionary["myAccount"]["sessions"];
  locale: Locale;
}) {
  const [result, end, pending] = useActionState(endMySessionAction, {});
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-surface-line" data-testid="my-sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
            <div className="flex flex-col gap-0.5">
              <span className="font-medium">
                {s.userAgent ? describeBrowser(s.userAgent) : t.unknown}
                {s.current ? (
                  <span className="ml-2 rounded-full bg-ok-bg px-2 py-0.5 text-xs font-medium text-ok-fg">
                    {t.current}
                  </span>
                ) : null}
              </span>
              <span className="text-xs text-ink-muted">
                {t.address}: {s.ipAddress ?? t.unknown} · {t.started}: {formatDateTime(s.createdAt, locale)} ·{" "}
                {t.lastSeen}: {formatDateTime(s.lastSeenAt, locale)}
              </span>
            </div>
            {s.current ? null : (
              <form action={end}>
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className={secondaryButton} disabled={pending}>
                  {t.end}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form action={end}>
          <input type="hidden" name="sessionId" value="others" />
          <button type="submit" className={secondaryButton} disabled={pending}>
            {t.endOthers}
          </button>
        </form>
      ) : null}
      <FormMessage
        result={result}
        error={errorOf(result)}
        ok={result.data?.ok && !pending ? interpolate(t.endedOthers, { count: String(result.data.ended) }) : undefined}
      />
    </div>
  );
}
