"use client";
// Create or edit a user: name, email (create only), role with what it may do, the sales units
// (none for admins, who see all), and for developers whether they may see payments. On create, the
// answer is the one-time invitation link.
import { useActionState, useState } from "react";
import { FormMessage, primaryButton } from "@/components/ui/form";
import { TextField } from "@/components/ui/text-field";
import { createUserAction } from "@/lib/actions/users/create-user";
import { errorOf } from "@/lib/actions/result";
import { updateUserAction } from "@/lib/actions/users/update-user";
import type { Role } from "@/generated/prisma/enums";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { formatDateTime } from "@/lib/format";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import { LinkBox } from "./link-box";

const ROLE_ORDER: Role[] = ["support", "finance", "developer", "admin"];

export interface UserFormValues {
  id: string;
  name: string;
  email: string;
  role: Role;
  msns: string[];
  canViewPayments: boolean;
}

export function UserForm({
  user,
  units,
  lastAdmin = false,
  t,
  roles,
  locale,
}: {
  /** Absent: a new user. */
  user?: UserFormValues;
  units: { msn: string; name: string }[];
  lastAdmin?: boolean;
  t: Dictionary["users"];
  roles: Dictionary["roles"];
  locale: Locale;
}) {
  const [created, create, creating] = useActionState(createUserAction, {});
  const [updated, update, updating] = useActionState(updateUserAction, {});
  const result = user ? updated : created;
  const pending = user ? updating : creating;
  const [role, setRole] = useState<Role>(user?.role ?? "support");
  // Controlled: React resets an action form's uncontrolled fields after each submit.
  const [fields, setFields] = useState({ name: user?.name ?? "", email: user?.email ?? "" });
  const [msns, setMsns] = useState<string[]>(user?.msns ?? []);
  const [payments, setPayments] = useState(user?.canViewPayments ?? false);
  const data = result.data;
  const fieldErrors = result.validationErrors?.fieldErrors ?? {};
  const problem = data && !data.ok ? data.error : undefined;
  const error = problem ?? (result.serverError ? errorOf(result) : undefined);
  const link = !user && created.data?.ok ? created.data : undefined;
  const saved = user && updated.data?.ok ? updated.data : undefined;

  if (link)
    return (
      <LinkBox
        link={link}
        title={interpolate(t.link.inviteFor, { name: fields.name })}
        email={fields.email}
        until={formatDateTime(new Date(link.expiresAt), locale)}
        t={t.link}
      />
    );

  return (
    <form action={user ? update : create} className="flex max-w-2xl flex-col gap-5" data-testid="user-form" noValidate>
      {user ? <input type="hidden" name="userId" value={user.id} /> : null}
      <TextField
        id="f-name"
        label={t.name}
        name="name"
        required
        maxLength={200}
        autoComplete="off"
        value={fields.name}
        onChange={(e) => setFields({ ...fields, name: e.target.value })}
        error={fieldErrors.name?.[0]}
      />
      {user ? null : (
        <TextField
          id="f-email"
          label={t.email}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={fields.email}
          onChange={(e) => setFields({ ...fields, email: e.target.value })}
          error={
            fieldErrors.email?.[0] ??
            (data && !data.ok && "field" in data && data.field === "email" ? problem : undefined)
          }
        />
      )}
      <fieldset className="flex flex-col gap-2 text-sm" disabled={lastAdmin}>
        <legend className="mb-1 font-medium">{t.role}</legend>
        {ROLE_ORDER.map((r) => (
          <label
            key={r}
            className="flex items-start gap-2 rounded-lg border border-surface-line p-2.5 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="role"
              value={r}
              checked={role === r}
              onChange={() => setRole(r)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{roles[r]}</span>
              <span className="block text-xs text-ink-muted">{t.roleHelp[r]}</span>
            </span>
          </label>
        ))}
        {lastAdmin ? <input type="hidden" name="role" value="admin" /> : null}
        {lastAdmin ? <p className="text-xs text-ink-muted">{t.editPage.lastAdmin}</p> : null}
        {fieldErrors.role?.[0] ? <p className="text-xs font-medium text-bad-fg">{fieldErrors.role[0]}</p> : null}
      </fieldset>
      <fieldset className="flex flex-col gap-2 text-sm" disabled={role === "admin"} aria-describedby="units-help">
        <legend className="mb-1 font-medium">{t.salesUnits}</legend>
        <p id="units-help" className="text-xs text-ink-muted">
          {t.salesUnitsHelp}
        </p>
        <div className={`grid gap-1.5 sm:grid-cols-2 ${role === "admin" ? "opacity-50" : ""}`}>
          {units.map((u) => (
            <label key={u.msn} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="msns"
                value={u.msn}
                checked={msns.includes(u.msn)}
                onChange={(e) => setMsns(e.target.checked ? [...msns, u.msn] : msns.filter((m) => m !== u.msn))}
              />
              <span className="font-mono text-xs">{u.msn}</span> {u.name}
            </label>
          ))}
        </div>
      </fieldset>
      <label className={`flex items-start gap-2 text-sm ${role === "developer" ? "" : "opacity-50"}`}>
        <input
          type="checkbox"
          name="canViewPayments"
          disabled={role !== "developer"}
          checked={payments}
          onChange={(e) => setPayments(e.target.checked)}
          className="mt-1"
        />
        <span>
          <span className="font-medium">{t.canViewPayments}</span>
          <span className="block text-xs text-ink-muted">{t.canViewPaymentsHelp}</span>
        </span>
      </label>
      <FormMessage
        result={result}
        testId="user-form-message"
        error={error}
        ok={
          saved && !pending
            ? saved.sessionsEnded > 0
              ? interpolate(t.editPage.savedEnded, { count: String(saved.sessionsEnded) })
              : t.editPage.saved
            : undefined
        }
      />
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {user ? (pending ? t.editPage.saving : t.editPage.save) : pending ? t.create.submitting : t.create.submit}
        </button>
      </div>
    </form>
  );
}
