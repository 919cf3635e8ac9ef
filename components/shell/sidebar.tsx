import Link from "next/link";
import { Brand } from "@/components/ui/brand";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { signOutFormAction } from "@/lib/actions/auth/sign-out";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";

/**
 * The sections that exist, each shown only to roles that may open it (and not to those holding
 * `unless`, who have a fuller page for the same thing).
 */
type Section = {
  href: string;
  label: (t: Dictionary, actor: Actor) => string;
  permission?: Permission;
  unless?: Permission;
};

export const SECTIONS: Section[] = [
  { href: "/", label: (t, actor) => (can(actor, "payments:read") ? t.nav.lookup : t.nav.overview) },
  { href: "/history", label: (t) => t.nav.history, permission: "payments:read" },
  { href: "/import", label: (t) => t.ingest.nav.import, permission: "payments:read" },
  { href: "/finance", label: (t) => t.nav.finance, permission: "payments:money" },
  { href: "/approvals", label: (t) => t.nav.approvals, permission: "payments:money" },
  { href: "/sales-units", label: (t) => t.nav.salesUnits, permission: "salesunits:read", unless: "salesunits:manage" },
  { href: "/admin/sales-units", label: (t) => t.nav.salesUnits, permission: "salesunits:manage" },
  { href: "/errors", label: (t) => t.nav.errors, permission: "apilog:read" },
  { href: "/api-log", label: (t) => t.nav.apiLog, permission: "apilog:read" },
  { href: "/admin/users", label: (t) => t.nav.users, permission: "users:manage" },
  { href: "/admin/api-keys", label: (t) => t.ingest.nav.apiKeys, permission: "users:manage" },
  { href: "/admin/audit", label: (t) => t.audit.nav, permission: "users:manage" },
];

export function Sidebar({ actor, t, locale }: { actor: Actor; t: Dictionary; locale: Locale }) {
  return (
    <aside className="flex w-full flex-col gap-6 border-b border-surface-line bg-surface p-4 md:sticky md:top-0 md:h-screen md:w-60 md:border-r md:border-b-0">
      <Brand t={t} className="px-1" />
      <nav aria-label={t.nav.mainMenu} className="flex-1">
        <ul className="flex flex-row gap-1 overflow-x-auto md:flex-col">
          {SECTIONS.filter(
            (s) => (!s.permission || can(actor, s.permission)) && !(s.unless && can(actor, s.unless)),
          ).map((s) => (
            <li key={s.href}>
              <NavLink href={s.href}>{s.label(t, actor)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-col gap-3 border-t border-surface-line pt-4">
        <div data-testid="whoami" className="px-1 text-sm">
          <p className="text-xs text-ink-faint">{t.nav.signedInAs}</p>
          <p className="truncate font-medium text-ink" title={actor.email}>
            {actor.name}
          </p>
          <p className="truncate text-xs text-ink-muted">{actor.email}</p>
          <p className="mt-1">
            <Link
              href="/account"
              className="text-xs font-medium text-brand-700 hover:underline"
              data-testid="my-account"
            >
              {t.myAccount.nav}
            </Link>
          </p>
          <p className="mt-1">
            <span
              data-testid="role"
              className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700"
            >
              {t.roles[actor.role]}
            </span>
          </p>
        </div>
        <LanguageSwitch locale={locale} t={t} />
        <form action={signOutFormAction}>
          <button
            type="submit"
            className="w-full rounded-lg border border-surface-line px-3 py-2 text-left text-sm font-medium text-ink-muted hover:bg-surface-sunken hover:text-ink"
          >
            {t.nav.signOut}
          </button>
        </form>
        <form action={signOutFormAction}>
          <input type="hidden" name="everywhere" value="on" />
          <button
            type="submit"
            className="w-full px-3 text-left text-xs text-ink-muted underline-offset-2 hover:text-ink hover:underline"
          >
            {t.nav.signOutEverywhere}
          </button>
        </form>
      </div>
    </aside>
  );
}
