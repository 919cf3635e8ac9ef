// /account/security: whether two-factor sign-in is on, enrolment when it is off, and recovery codes
// and turning it off when it is on. Texts from the dictionary's twoFactor section.
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { SecurityPage } from "@/lib/auth/two-factor/enrolment";
import { formatDateTime, formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import { EnrolForm } from "./enrol-form";
import { DisableForm, RegenerateForm } from "./manage-forms";

export function SecuritySettings({
  page,
  email,
  stepUpThresholdOre,
  t,
  locale,
}: {
  page: SecurityPage;
  email: string;
  stepUpThresholdOre: number;
  t: Dictionary["twoFactor"];
  locale: Locale;
}) {
  const p = t.page;
  return (
    <div className="max-w-3xl">
      <PageHeader title={p.title} description={p.intro} />
      <p className="-mt-3 mb-5 text-sm text-ink-muted">
        {interpolate(p.stepUpNote, { amount: formatOre(stepUpThresholdOre) })}
      </p>
      <div className="flex flex-col gap-5">
        {page.enrolled && page.enabledAt ? (
          <Card testId="two-factor-status">
            <p className="text-sm font-medium" data-testid="two-factor-state" data-on="true">
              {interpolate(p.statusOn, { date: formatDateTime(page.enabledAt, locale) })}
            </p>
            <p className="mt-1 text-sm text-ink-muted">
              {interpolate(t.recovery.left, { count: page.recoveryCodesLeft })}
            </p>
          </Card>
        ) : null}
        {page.offer ? (
          <Card title={t.enrol.title}>
            <EnrolForm offer={page.offer} email={email} t={t} required={page.requiredByRole} />
          </Card>
        ) : (
          <>
            <Card title={t.recovery.regenerateTitle}>
              <RegenerateForm email={email} t={t} />
            </Card>
            <Card title={t.disable.title}>
              {page.requiredByRole ? (
                <p className="text-sm text-ink-muted">{t.disable.requiredByRole}</p>
              ) : (
                <DisableForm t={t} />
              )}
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
