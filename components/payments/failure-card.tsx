// Why a failed payment failed, in Vipps' own words, with what the error means and who acts on it.
import { Link } from "@/components/ui/link";
import { Remedy } from "@/components/errors/remedy-card";
import { remedyView } from "@/lib/api-errors/remedies";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { FailureReason } from "@/lib/payments/detail/failure";

export function FailureCard({
  failure,
  t,
  locale,
  canOpenLog,
}: {
  failure: FailureReason;
  t: Dictionary;
  locale: Locale;
  /** Developers and admins may open the logged call. */
  canOpenLog: boolean;
}) {
  const x = t.payment.failure;
  const at = formatDateTime(failure.at, locale);
  return (
    <section
      data-testid="failure"
      data-source={failure.source}
      className="rounded-card border border-bad-fg/30 bg-bad-bg p-5 text-sm text-bad-fg"
    >
      <h2 className="font-semibold">{x.title}</h2>
      {failure.source === "log" ? (
        <p className="mt-1">{interpolate(x.log, { operation: failure.operation, at })}</p>
      ) : (
        <div className="mt-1 flex flex-col gap-2 text-ink">
          <p className="text-bad-fg">
            {failure.source === "callback"
              ? interpolate(x.callback, { at })
              : interpolate(x.response, { operation: failure.operation, at })}{" "}
            {failure.errorMessage ? <q className="font-medium">{failure.errorMessage}</q> : null}{" "}
            {failure.errorGroup || failure.errorCode ? (
              <span className="font-mono text-xs" data-testid="failure-code">
                ({interpolate(x.code, { group: failure.errorGroup ?? "", code: failure.errorCode ?? "" }).trim()})
              </span>
            ) : null}
          </p>
          <div className="rounded-lg bg-surface p-3">
            <Remedy
              open
              message={null}
              r={t.remedies}
              remedy={remedyView({
                httpStatus: failure.httpStatus,
                errorGroup: failure.errorGroup,
                errorCode: failure.errorCode,
                errorMessage: failure.errorMessage,
                operation: failure.operation,
              })}
            />
          </div>
          {canOpenLog ? (
            <Link href={`/api-log/${failure.callId}`} className="self-start text-brand-700 underline">
              {x.openCall}
            </Link>
          ) : null}
        </div>
      )}
    </section>
  );
}
