import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countCallsInLastDay } from "@/lib/api-log/queries";
import { requireActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";
import { AttentionList } from "@/components/home/attention-list";
import { db } from "@/lib/db/client";
import { readAttention } from "@/lib/home/attention";
import { readFigures } from "@/lib/home/figures";
import { FiguresCard } from "@/components/home/figures-card";

// Only what the app does today: managing sales units (salesunits:manage) is listed once it exists.
const ABILITIES = [
  "payments:read",
  "payments:money",
  "apilog:read",
  "salesunits:read",
  "salesunits:manage",
  "users:manage",
] as const satisfies Permission[];

/**
 * The home page below the search (or on its own for roles without payment lookup): what needs
 * doing first, then the user's sales units and what they can do.
 */
export async function Overview({ header = true }: { header?: boolean }) {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  const [units, calls24h, attention, figures] = await Promise.all([
    can(actor, "salesunits:read") ? listSalesUnits(actor) : Promise.resolve([]),
    can(actor, "apilog:read") ? countCallsInLastDay(actor) : Promise.resolve(null),
    db().then((prisma) => readAttention(prisma, actor)),
    can(actor, "payments:read") ? db().then((prisma) => readFigures(prisma, actor)) : Promise.resolve(null),
  ]);
  return (
    <>
      {header ? (
        <PageHeader
          title={interpolate(t.overview.greeting, { name: actor.name })}
          description={interpolate(t.overview.roleIntro, { role: t.roles[actor.role] })}
        />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <AttentionList items={attention} t={t.home.attention} />
        {figures ? <FiguresCard today={figures.today} week={figures.week} t={t.home.figures} locale={locale} /> : null}
        <Card title={t.overview.canDo} testId="abilities">
          <ul className="space-y-2 text-sm">
            {ABILITIES.filter((p) => can(actor, p)).map((p) => (
              <li key={p} className="flex items-center gap-2">
                <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-brand-500" />
                {t.overview.abilities[p]}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t.overview.salesUnitsCard} testId="my-sales-units">
          {actor.allSalesUnits ? <Badge tone="brand">{t.overview.allSalesUnits}</Badge> : null}
          {units.length === 0 ? (
            <p className="text-sm text-ink-muted">{t.overview.noSalesUnits}</p>
          ) : (
            <ul className="mt-2 space-y-1.5 text-sm">
              {units.map((u) => (
                <li key={u.msn} className="flex items-center justify-between gap-3">
                  <span>{u.name}</span>
                  <span className="font-mono text-xs text-ink-muted">{u.msn}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {calls24h !== null ? (
          <Card title={t.overview.apiCallsCard} testId="api-calls-24h">
            <p className="text-3xl font-semibold tabular-nums">{calls24h.toLocaleString("nb-NO")}</p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
