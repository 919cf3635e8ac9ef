import type { Metadata } from "next";
import { SecuritySettings } from "@/components/account/two-factor/security-settings";
import { requireActor } from "@/lib/auth/actor";
import { loadSecurityPage } from "@/lib/auth/two-factor/enrolment";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.twoFactor.page.title };
}

// Every signed-in user may open this page (their own sign-in); a user who must enrol may open only this.
export default async function AccountSecurityPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  const page = await loadSecurityPage(await db(), actor, new Date());
  return (
    <SecuritySettings
      page={page}
      email={actor.email}
      stepUpThresholdOre={env().twoFactor.stepUpThresholdOre}
      t={t.twoFactor}
      locale={locale}
    />
  );
}
