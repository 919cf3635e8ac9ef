import { CsvImportForm } from "@/components/ingest/csv-import-form";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getI18n } from "@/lib/i18n/server";

export default async function ImportPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  if (!can(actor, "payments:read")) return <Forbidden actor={actor} t={t} />;
  return (
    <>
      <PageHeader title={t.ingest.import.title} description={t.ingest.import.description} />
      <CsvImportForm texts={t.ingest} />
    </>
  );
}
