import type { ReactNode } from "react";
import { CommandPalette } from "@/components/shell/command-palette";
import { PhoneBar, sectionsFor, Sidebar } from "@/components/shell/sidebar";
import { SlashSearch } from "@/components/shell/slash-search";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/actor";
import { getI18n } from "@/lib/i18n/server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  return (
    <div className="md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:p-2"
      >
        {t.common.skipToContent}
      </a>
      <PhoneBar actor={actor} t={t} locale={locale} />
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-10 md:py-8">
        {children}
      </main>
      <Sidebar actor={actor} t={t} locale={locale} />
      {can(actor, "payments:read") ? <SlashSearch /> : null}
      <CommandPalette
        pages={[
          ...sectionsFor(actor).map((s) => ({ href: s.href, label: s.label(t, actor) })),
          { href: "/account", label: t.myAccount.nav },
        ]}
        canSearch={can(actor, "payments:read")}
        t={t.palette}
        statuses={t.payment.status}
      />
    </div>
  );
}
