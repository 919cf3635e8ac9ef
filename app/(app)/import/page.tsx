import { CsvImportForm } from "@/components/ingest/csv-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { getI18n } from "@/lib/i18n/server";

export default async function ImportPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "payments:read", "/import");
  return (
    <>
      <PageHeader title={t.ingest.import.title} description={t.ingest.import.description} />
      <CsvImportForm t={t.ingest} />
    </>
  );
}
