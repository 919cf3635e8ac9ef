"use client";
// The access panel of one user: deactivate or reactivate (confirmed), a new password link (shown
// once), and ending every open session.
import { useActionState } from "react";
import { dangerButton, FormMessage, secondaryButton } from "@/components/ui/form";
import { errorOf } from "@/lib/actions/result";
import { endUserSessionsAction, sendPasswordLinkAction, setUserActiveAction } from "@/lib/actions/users/user-status";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { formatDateTime } from "@/lib/format";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import { LinkBox } from "./link-box";

export function UserAccess({
  user,
  self,
  lastAdmin,
  t,
  locale,
}: {
  user: { id: string; name: string; email: string; active: boolean; invited: boolean; openSessions: number };
  self: boolean;
  lastAdmin: boolean;
  t: Dictionary["users"];
  locale: Locale;
}) {
  const [status, setStatus, statusPending] = useActionState(setUserActiveAction, {});
  const [link, makeLink, linkPending] = useActionState(sendPasswordLinkAction, {});
  const [ended, endSessions, endPending] = useActionState(endUserSessionsAction, {});
  const p = t.editPage;
  const statusError = status.data && !status.data.ok ? status.data.error : errorOf(status);
  const linkError = link.data && !link.data.ok ? link.data.error : errorOf(link);
  const madeLink = link.data?.ok ? link.data : undefined;

  return (
    <div className="flex flex-col gap-6 text-sm" data-testid="user-access">
      <section className="flex flex-col gap-2">
        {user.active ? (
          <form
            action={setStatus}
            onSubmit={(e) => {
              if (!window.confirm(interpolate(p.deactivateConfirm, { name: user.name }))) e.preventDefault();
            }}
          >
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value="false" />
            <button type="submit" className={dangerButton} disabled={statusPending || self || lastAdmin}>
              {p.deactivate}
            </button>
          </form>
        ) : (
          <form action={setStatus}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value="true" />
            <button type="submit" className={secondaryButton} disabled={statusPending}>
              {p.reactivate}
            </button>
          </form>
        )}
        <p className="text-xs text-ink-muted">
          {self ? t.problems.own_account : lastAdmin ? p.lastAdmin : user.active ? p.deactivateHelp : p.reactivateHelp}
        </p>
        <FormMessage
          result={status}
          testId="status-message"
          error={statusError}
          ok={
            status.data?.ok && !statusPending
              ? user.active
                ? p.reactivated
                : interpolate(p.deactivated, { count: String(status.data.sessionsEnded) })
              : undefined
          }
        />
      </section>

      {user.active ? (
        <section className="flex flex-col gap-2">
          <form action={makeLink}>
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className={secondaryButton} disabled={linkPending}>
              {user.invited ? p.sendInvite : p.sendLink}
            </button>
          </form>
          <p className="text-xs text-ink-muted">{p.sendLinkHelp}</p>
          <FormMessage error={linkError} result={link} />
          {madeLink ? (
            <LinkBox
              link={madeLink}
              title={user.invited ? interpolate(t.link.inviteFor, { name: user.name }) : t.link.resetFor}
              email={user.email}
              until={formatDateTime(new Date(madeLink.expiresAt), locale)}
              t={t.link}
            />
          ) : null}
        </section>
      ) : null}

      <section className="flex flex-col gap-2">
        <h3 className="font-medium">{p.sessions}</h3>
        <p className="text-xs text-ink-muted">{interpolate(p.sessionsHelp, { count: String(user.openSessions) })}</p>
        <form action={endSessions}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className={secondaryButton} disabled={endPending || user.openSessions === 0}>
            {p.endSessions}
          </button>
        </form>
        <FormMessage
          result={ended}
          error={errorOf(ended)}
          ok={
            ended.data?.ok && !endPending
              ? interpolate(p.sessionsEnded, { count: String(ended.data.sessionsEnded) })
              : undefined
          }
        />
      </section>
    </div>
  );
}
