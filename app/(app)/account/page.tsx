import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { secondaryButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { openSessions } from "@/lib/users/sessions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.myAccount.title };
}

export default async function AccountPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  const prisma = await db();
  const [sessions, me] = await Promise.all([
    openSessions(prisma, actor.id, actor.sessionId),
    prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } }),
  ]);
  const a = t.myAccount;
  return (
    <>
      <PageHeader title={a.title} description={`${actor.name} · ${actor.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={a.password.heading} testId="change-password">
          <PasswordForm t={a} email={actor.email} />
        </Card>
        <Card title={t.twoFactor.page.title} testId="two-factor-card">
          <p className="mb-3 text-sm text-ink-muted">
            {me.totpEnabledAt
              ? interpolate(t.twoFactor.page.statusOn, { date: formatDate(me.totpEnabledAt, locale) })
              : t.twoFactor.page.statusOff}
          </p>
          <Link href="/account/security" className={secondaryButton} data-testid="manage-two-factor">
            {a.manageTwoFactor}
          </Link>
        </Card>
        <Card title={a.sessions.heading} testId="sessions">
          <p className="mb-2 text-sm text-ink-muted">{a.sessions.description}</p>
          <SessionsList
            sessions={sessions.map((s) => ({
              ...s,
              createdAt: s.createdAt.toISOString(),
              lastSeenAt: s.lastSeenAt.toISOString(),
            }))}
            t={a.sessions}
            locale={locale}
          />
        </Card>
      </div>
    </>
  );
}
