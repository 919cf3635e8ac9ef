// What a connection test found, in words: "Connection works" with the environment and the time it
// took, or the cause (which key, which unit, which environment) with the remedy the error dashboard
// gives the same error.
import { Remedy } from "@/components/errors/remedy-card";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import type { ConnectionTestResult } from "@/lib/sales-units/connection-test";

export function ConnectionResult({
  result,
  msn,
  t,
  s,
  r,
}: {
  result: ConnectionTestResult;
  msn: string;
  t: Dictionary["salesUnitsAdmin"]["test"];
  s: Dictionary["salesUnits"];
  r: Dictionary["remedies"];
}) {
  const environment = s.environments[result.environment];
  if (result.ok)
    return (
      <div
        data-testid="connection-result"
        data-outcome="ok"
        className="rounded-lg bg-ok-bg px-3 py-2 text-sm text-ok-fg"
      >
        <p className="font-semibold">{t.ok}</p>
        <p>{interpolate(t.okDetail, { environment, tokenMs: result.tokenMs, detailsMs: result.detailsMs })}</p>
        {result.keyMode === "partner" ? <p>{t.viaPartner}</p> : null}
      </div>
    );
  if (!result.tried)
    return (
      <p
        data-testid="connection-result"
        data-outcome={result.problem}
        className="rounded-lg bg-warn-bg px-3 py-2 text-sm text-warn-fg"
      >
        {t.problems[result.problem]}
      </p>
    );
  const status = result.httpStatus ? `HTTP ${result.httpStatus}` : t.noAnswer;
  return (
    <div
      data-testid="connection-result"
      data-outcome="failed"
      data-cause={result.cause}
      className="flex flex-col gap-1 rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg"
    >
      <p className="font-semibold">{t.failed}</p>
      <p data-testid="connection-cause">{interpolate(t.causes[result.cause], { environment, msn })}</p>
      <p className="text-xs">
        {interpolate(result.stage === "token" ? t.stageToken : t.stageDetails, { environment, status, ms: result.ms })}
      </p>
      <div className="text-ink">
        <Remedy remedy={result.remedy} message={result.message} r={r} open />
      </div>
    </div>
  );
}
