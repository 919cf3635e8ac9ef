import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AlertsTable } from "@/components/spikes/alerts-table";
import { WebhookForm } from "@/components/spikes/webhook-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { loadAlertsPage } from "@/lib/spikes/alerts";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.spikes.alerts.title };
}

const link = "text-sm font-medium text-brand-700 underline underline-offset-2";

export default async function SpikeAlertsPage({ searchParams }: Props) {
  const [raw, actor, { t, locale }] = await Promise.all([searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "apilog:read", "/errors/alerts");
  const before = typeof raw.before === "string" ? raw.before : undefined;
  const page = await loadAlertsPage(await db(), actor, before);
  const s = t.spikes;
  return (
    <>
      <PageHeader
        title={s.alerts.title}
        description={s.alerts.description}
        actions={
          <Link href="/errors" className={link}>
            {t.errors.title}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <p className="max-w-3xl text-sm text-ink-muted" data-testid="spike-rule">
          {s.alerts.rule}
        </p>
        <AlertsTable alerts={page.alerts} t={s} locale={locale} />
        <nav className="flex gap-4">
          {before ? (
            <Link href="/errors/alerts" className={link}>
              {s.alerts.newest}
            </Link>
          ) : null}
          {page.next ? (
            <Link href={`/errors/alerts?before=${page.next}`} className={link}>
              {s.alerts.older}
            </Link>
          ) : null}
        </nav>
        {page.webhook ? <WebhookForm view={page.webhook} t={s} locale={locale} /> : null}
      </div>
    </>
  );
}
