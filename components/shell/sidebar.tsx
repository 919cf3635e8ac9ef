import { Link } from "@/components/ui/link";
import { Brand } from "@/components/ui/brand";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { signOutFormAction } from "@/lib/actions/auth/sign-out";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./language-switch";
import { PaletteButton } from "./command-palette";
import { NavLink } from "./nav-link";
import { PhoneMenu } from "./phone-menu";

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

type ShellProps = { actor: Actor; t: Dictionary; locale: Locale };

/** The menu's entries this person may open. */
export const sectionsFor = (actor: Actor) =>
  SECTIONS.filter((s) => (!s.permission || can(actor, s.permission)) && !(s.unless && can(actor, s.unless)));

function NavList({ actor, t }: Omit<ShellProps, "locale">) {
  return (
    <nav aria-label={t.nav.mainMenu} className="flex-1">
      <ul className="flex flex-col gap-1">
        {sectionsFor(actor).map((s) => (
          <li key={s.href}>
            <NavLink href={s.href}>{s.label(t, actor)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Who is signed in, their account, the language and signing out: a column on wide screens, two rows in the phone menu. */
function AccountBox({ actor, t, locale, compact = false }: ShellProps & { compact?: boolean }) {
  const signOut = (
    <form action={signOutFormAction}>
      <button
        type="submit"
        className={`rounded-lg border border-surface-line px-3 py-2 text-left text-sm font-medium text-ink-muted hover:bg-surface-sunken hover:text-ink ${compact ? "" : "w-full"}`}
      >
        {t.nav.signOut}
      </button>
    </form>
  );
  const signOutEverywhere = (
    <form action={signOutFormAction}>
      <input type="hidden" name="everywhere" value="on" />
      <button
        type="submit"
        className="px-3 py-2 text-left text-xs text-ink-muted underline-offset-2 hover:text-ink hover:underline"
      >
        {t.nav.signOutEverywhere}
      </button>
    </form>
  );
  const account = (
    <Link href="/account" className="text-xs font-medium text-brand-700 hover:underline" data-testid="my-account">
      {t.myAccount.nav}
    </Link>
  );
  const role = (
    <span data-testid="role" className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
      {t.roles[actor.role]}
    </span>
  );
  if (compact)
    return (
      <div className="flex flex-col gap-3 border-t border-surface-line pt-4">
        <div data-testid="whoami" className="flex flex-wrap items-center gap-x-2 gap-y-1 px-1 text-sm">
          <span className="sr-only">{t.nav.signedInAs}</span>
          <span className="font-medium text-ink">{actor.name}</span>
          {role}
          <span className="w-full truncate text-xs text-ink-muted">{actor.email}</span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {account}
          <LanguageSwitch locale={locale} t={t} />
          {signOut}
        </div>
        {signOutEverywhere}
      </div>
    );
  return (
    <div className="flex flex-col gap-3 border-t border-surface-line pt-4">
      <div data-testid="whoami" className="px-1 text-sm">
        <p className="text-xs text-ink-faint">{t.nav.signedInAs}</p>
        <p className="truncate font-medium text-ink" title={actor.email}>
          {actor.name}
        </p>
        <p className="truncate text-xs text-ink-muted">{actor.email}</p>
        <p className="mt-1">{account}</p>
        <p className="mt-1">{role}</p>
      </div>
      <LanguageSwitch locale={locale} t={t} />
      {signOut}
      {signOutEverywhere}
    </div>
  );
}

/** On a phone: a bar whose button opens the menu as a drawer (focus trapped, Escape closes). */
export function PhoneBar(props: ShellProps) {
  const { t } = props;
  return (
    <header className="sticky top-0 z-30 flex items-center justify-between border-b border-surface-line bg-surface px-4 py-2 md:hidden">
      <Brand t={t} className="px-1" compact />
      <PaletteButton label={t.palette.open} className="ml-auto mr-2 !py-2 [&>span]:sr-only" />
      <PhoneMenu openLabel={t.nav.openMenu} closeLabel={t.nav.closeMenu} title={t.nav.mainMenu}>
        <NavList {...props} />
        <AccountBox {...props} compact />
      </PhoneMenu>
    </header>
  );
}

/**
 * The menu as a sticky column from `md` up. It comes after <main> in the page (so the page's own
 * controls, such as search, are reached first with Tab) and is placed first by `order`.
 */
export function Sidebar(props: ShellProps) {
  const { t } = props;
  return (
    <aside
      id="menu"
      className="hidden flex-col gap-6 border-r border-surface-line bg-surface p-4 md:sticky md:top-0 md:order-first md:flex md:h-screen md:w-60 md:shrink-0 md:overflow-y-auto"
    >
      <Brand t={t} className="px-1" />
      <PaletteButton label={t.palette.open} shortcut="Ctrl K" className="w-full" />
      <NavList {...props} />
      <AccountBox {...props} />
    </aside>
  );
}
