import { forbidden } from "next/navigation";
import { CsvImportForm } from "@/components/ingest/csv-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getI18n } from "@/lib/i18n/server";

export default async function ImportPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  if (!can(actor, "payments:read")) forbidden();
  return (
    <>
      <PageHeader title={t.ingest.import.title} description={t.ingest.import.description} />
      <CsvImportForm t={t.ingest} />
    </>
  );
}
