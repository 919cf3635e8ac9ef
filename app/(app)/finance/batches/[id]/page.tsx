import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { BatchProgress } from "@/components/money/batch-progress";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { UUID_PATTERN } from "@/lib/ids";
import { readBatch } from "@/lib/money/batch";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.finance.title };
}

export default async function BatchPage({ params }: Props) {
  const [{ id }, actor, { t, locale }] = await Promise.all([params, requireActor(), getI18n()]);
  await requirePermission(actor, "payments:money", "/finance/batches/[id]");
  // Another person's batch outside the user's units looks the same as none.
  const batch = UUID_PATTERN.test(id) ? await readBatch(await db(), actor, id) : null;
  if (!batch) notFound();
  const b = t.finance.batch;
  return (
    <>
      <PageHeader
        title={interpolate(b.title[batch.kind], { count: batch.items.length })}
        actions={
          <Link href="/finance" className="text-sm font-medium text-brand-700 hover:underline">
            {b.back}
          </Link>
        }
      />
      <BatchProgress initial={batch} t={b} money={t.money} locale={locale} />
    </>
  );
}
