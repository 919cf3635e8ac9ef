import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ApprovalRulesForm } from "@/components/sales-units/approval-rules-form";
import { CallbackTokenForm } from "@/components/sales-units/callback-token-form";
import { ConnectionTestPanel } from "@/components/sales-units/connection-test-panel";
import { KeysCard } from "@/components/sales-units/keys-card";
import { callbackTokenLine, keysLine } from "@/components/sales-units/state-lines";
import { ActiveBadge, EnvironmentBadge, KeysBadge } from "@/components/sales-units/unit-badges";
import { UnitDetailsForm } from "@/components/sales-units/unit-details-form";
import { UnitStatusForm } from "@/components/sales-units/unit-status-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isMsn } from "@/lib/ids";
import { getI18n } from "@/lib/i18n/server";
import { loadAdminUnit } from "@/lib/sales-units/admin-view";
import { ADMIN_UNITS_PATH } from "@/lib/sales-units/paths";

interface Props {
  params: Promise<{ msn: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ msn }, { t }] = await Promise.all([params, getI18n()]);
  return { title: `${t.salesUnitsAdmin.list.title} ${isMsn(msn) ? msn : ""}`.trim() };
}

const link = "text-sm font-medium text-brand-700 underline underline-offset-2";

export default async function AdminSalesUnitPage({ params, searchParams }: Props) {
  const [{ msn }, query, actor, { t, locale }] = await Promise.all([params, searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "salesunits:manage", "/admin/sales-units/[msn]");
  if (!isMsn(msn)) notFound();
  const u = await loadAdminUnit(await db(), actor, msn);
  if (!u) notFound();
  const a = t.salesUnitsAdmin;
  const s = t.salesUnits;
  const created = query.created === "1";
  const sim =
    query.sim === "registered"
      ? a.detail.simulatorRegistered
      : query.sim === "unreachable"
        ? a.detail.simulatorUnreachable
        : null;
  return (
    <>
      <PageHeader
        title={u.name}
        description={`MSN ${u.msn}`}
        actions={
          <div className="flex flex-wrap gap-4">
            <Link href={ADMIN_UNITS_PATH} className={link}>
              {a.detail.back}
            </Link>
            <Link href={`/history/${u.msn}`} className={link}>
              {a.detail.history}
            </Link>
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <div className="-mt-3 flex flex-wrap gap-1.5" data-testid="unit-badges">
          <EnvironmentBadge environment={u.environment} t={s} />
          <KeysBadge keys={u.keys} partnerKeyName={u.partnerKeyName} t={a} />
          <ActiveBadge active={u.active} t={a} />
        </div>
        {created ? (
          <div
            role="status"
            className="rounded-lg bg-info-bg px-3 py-2 text-sm text-info-fg"
            data-testid="unit-created"
          >
            <p>{a.detail.created}</p>
            {sim ? <p>{sim}</p> : null}
          </div>
        ) : null}
        {!u.active ? (
          <p
            role="status"
            className="rounded-lg bg-warn-bg px-3 py-2 text-sm text-warn-fg"
            data-testid="unit-deactivated"
          >
            {a.detail.deactivatedBanner}
          </p>
        ) : null}
        <div className="flex max-w-3xl flex-col gap-6">
          <Card title={a.test.title} testId="connection-card">
            <p className="mb-3 text-sm text-ink-muted">{a.test.description}</p>
            <ConnectionTestPanel msn={u.msn} t={a.test} s={s} r={t.remedies} />
          </Card>
          <Card title={a.keys.title} testId="keys-card">
            <p className="mb-3 text-sm text-ink-muted">{a.keys.description}</p>
            <KeysCard
              msn={u.msn}
              environment={u.environment}
              stateLine={keysLine(u, a, locale)}
              hasKeys={u.keys !== "missing"}
              partnerKeys={u.partnerKeys}
              partnerKeyId={u.partnerKeyId}
              simulatorKeys={env().demoMode && u.environment === "simulator"}
              t={a}
              s={s}
              r={t.remedies}
            />
          </Card>
          <Card title={s.approvals} testId="approvals-card">
            <p className="mb-3 text-sm text-ink-muted">{s.approvalsHelp}</p>
            <ApprovalRulesForm
              msn={u.msn}
              thresholdOre={u.approvalThresholdOre}
              releaseNeedsApproval={u.releaseNeedsApproval}
              t={s}
            />
          </Card>
          <Card title={a.callbackToken.title} testId="callback-token-card">
            <p className="mb-3 text-sm text-ink-muted">{a.callbackToken.description}</p>
            <CallbackTokenForm
              msn={u.msn}
              stateLine={callbackTokenLine(u, a, locale)}
              isSet={u.callbackToken !== null}
              t={a.callbackToken}
            />
          </Card>
          <Card title={a.details.title} testId="details-card">
            <UnitDetailsForm
              msn={u.msn}
              name={u.name}
              captureType={u.captureType}
              environment={u.environment}
              t={a.details}
              s={s}
            />
          </Card>
          <Card title={a.status.title} testId="status-card">
            <UnitStatusForm msn={u.msn} name={u.name} active={u.active} t={a.status} />
          </Card>
        </div>
      </div>
    </>
  );
}
