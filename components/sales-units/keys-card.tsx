"use client";
// A unit's API keys: what is stored (only when and by whom), a form for new keys (write-only: the
// fields start empty and are emptied again once saved), "Save and test", the choice of a partner key
// instead, and in demo mode the simulator's keys for the MSN to copy in, as from portal.vipps.no.
import { Link } from "@/components/ui/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { nonFieldError, submitKeepingInput } from "@/components/ui/keep-input";
import { SelectInput } from "@/components/ui/text-field";
import { CopyButton } from "@/components/ui/copy-button";
import { errorOf } from "@/lib/actions/result";
import { choosePartnerKeyAction } from "@/lib/actions/sales-units/choose-partner-key";
import { setSalesUnitKeysAction } from "@/lib/actions/sales-units/set-sales-unit-keys";
import { showSimulatorKeysAction } from "@/lib/actions/sales-units/show-simulator-keys";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { KEY_FIELDS, type KeyField } from "@/lib/sales-units/key-format";
import { PARTNER_KEYS_PATH } from "@/lib/sales-units/paths";
import { ConnectionResult } from "./connection-result";
import { KeyFields } from "./key-fields";
import { primaryButton } from "@/components/ui/form";
import { useActionToast } from "@/components/ui/toast";

const primary = primaryButton;
const secondary =
  "rounded-lg border border-surface-line px-4 py-2 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60";

export interface KeysCardProps {
  msn: string;
  environment: "simulator" | "test" | "production";
  /** What is stored, in words (never the keys). */
  stateLine: string;
  hasKeys: boolean;
  partnerKeys: { id: string; name: string }[];
  partnerKeyId: string | null;
  /** Demo mode and a unit of the simulator environment. */
  simulatorKeys: boolean;
  t: Dictionary["salesUnitsAdmin"];
  s: Dictionary["salesUnits"];
  r: Dictionary["remedies"];
}

export function KeysCard(props: KeysCardProps) {
  const { msn, t } = props;
  const k = t.keys;
  const form = useRef<HTMLFormElement>(null);
  const [saved, save, saving] = useActionState(setSalesUnitKeysAction, {});
  useActionToast(saved, k.saved);
  const [filled, setFilled] = useState(false);

  // Saved: the fields are emptied, so no key stays in the page.
  useEffect(() => {
    if (!saved.data?.ok || !form.current) return;
    for (const f of KEY_FIELDS) (form.current.elements.namedItem(f) as HTMLInputElement).value = "";
    setFilled(false);
  }, [saved]);

  const fill = (keys: Record<KeyField, string>) => {
    if (!form.current) return;
    for (const f of KEY_FIELDS) (form.current.elements.namedItem(f) as HTMLInputElement).value = keys[f];
    setFilled(true);
    (form.current.querySelector("button[value=save_and_test]") as HTMLButtonElement | null)?.focus();
  };

  const otherError = nonFieldError(saved, KEY_FIELDS);

  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm" data-testid="keys-state">
        {props.stateLine}
      </p>
      {props.simulatorKeys ? (
        <SimulatorKeys
          msn={msn}
          t={t.simulator}
          labels={{ clientId: k.clientId, clientSecret: k.clientSecret, subscriptionKey: k.subscriptionKey }}
          onFill={fill}
        />
      ) : null}
      <form
        ref={form}
        onSubmit={submitKeepingInput(save)}
        noValidate
        autoComplete="off"
        data-testid="keys-form"
        aria-labelledby="keys-form-title"
        className="flex flex-col gap-4"
      >
        <h3 id="keys-form-title" className="text-sm font-semibold">
          {props.hasKeys ? k.formTitleReplace : k.formTitle}
        </h3>
        <input type="hidden" name="msn" value={msn} />
        <KeyFields idPrefix="key" result={saved} t={k} />
        {props.hasKeys ? <p className="text-xs text-warn-fg">{k.replaceWarning}</p> : null}
        {filled ? <p className="text-xs text-ink-muted">{t.simulator.filled}</p> : null}
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save_and_test" disabled={saving} className={primary}>
            {saving ? k.saving : k.saveAndTest}
          </button>
          <button type="submit" name="intent" value="save" disabled={saving} className={secondary}>
            {k.save}
          </button>
        </div>
        <div aria-live="polite" className="flex flex-col gap-2">
          {saved.data?.ok && !saving ? (
            <p className="text-sm text-ok-fg" data-testid="keys-saved">
              {k.saved}
            </p>
          ) : null}
          {saved.data?.test && !saving ? (
            <ConnectionResult result={saved.data.test} msn={msn} t={t.test} s={props.s} r={props.r} />
          ) : null}
          {otherError && !saving ? (
            <p role="alert" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
              {otherError}
            </p>
          ) : null}
        </div>
      </form>
      <PartnerChoice {...props} />
    </div>
  );
}

function PartnerChoice({ msn, environment, partnerKeys, partnerKeyId, t, s }: KeysCardProps) {
  const p = t.partnerChoice;
  const [chosen, choose, choosing] = useActionState(choosePartnerKeyAction, {});
  const error = chosen.data && !chosen.data.ok ? chosen.data.error : errorOf(chosen);
  return (
    <form
      action={choose}
      className="flex flex-col gap-3 border-t border-surface-line pt-4"
      aria-labelledby="partner-choice-title"
      data-testid="partner-choice"
    >
      <h3 id="partner-choice-title" className="text-sm font-semibold">
        {p.title}
      </h3>
      <p className="text-xs text-ink-muted">{p.description}</p>
      <input type="hidden" name="msn" value={msn} />
      {partnerKeys.length === 0 ? (
        <p className="text-sm text-ink-muted">{interpolate(p.none, { environment: s.environments[environment] })}</p>
      ) : (
        <div className="flex flex-wrap items-end gap-3">
          <SelectInput
            id="partner-key"
            name="partnerKeyId"
            label={p.label}
            defaultValue={partnerKeyId ?? ""}
            options={[{ value: "", label: p.choose }, ...partnerKeys.map((k) => ({ value: k.id, label: k.name }))]}
          />
          <button type="submit" disabled={choosing} className={secondary}>
            {p.save}
          </button>
        </div>
      )}
      <Link href={PARTNER_KEYS_PATH} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {p.manage}
      </Link>
      <div aria-live="polite">
        {chosen.data?.ok && !choosing ? <p className="text-sm text-ok-fg">{p.saved}</p> : null}
        {error && !choosing ? <p className="text-sm text-bad-fg">{error}</p> : null}
      </div>
    </form>
  );
}

function SimulatorKeys({
  msn,
  t,
  labels,
  onFill,
}: {
  msn: string;
  t: Dictionary["salesUnitsAdmin"]["simulator"];
  labels: Record<KeyField, string>;
  onFill: (keys: Record<KeyField, string>) => void;
}) {
  const [shown, show, showing] = useActionState(showSimulatorKeysAction, {});
  const keys = shown.data?.ok ? shown.data.keys : undefined;
  const error = shown.data && !shown.data.ok ? shown.data.error : errorOf(shown);
  return (
    <section
      aria-labelledby="simulator-keys-title"
      data-testid="simulator-keys"
      className="flex flex-col gap-3 rounded-lg border border-dashed border-surface-line bg-surface-sunken p-4"
    >
      <h3 id="simulator-keys-title" className="text-sm font-semibold">
        {t.title}
      </h3>
      <p className="text-xs text-ink-muted">{t.description}</p>
      {keys ? (
        <>
          <dl className="grid gap-2 text-xs sm:grid-cols-[max-content_1fr]">
            {KEY_FIELDS.map((f) => (
              <div key={f} className="contents">
                <dt className="font-semibold">{labels[f]}</dt>
                <dd className="flex min-w-0 flex-wrap items-center gap-2">
                  <code className="break-all font-mono" data-testid={`simulator-${f}`}>
                    {keys[f]}
                  </code>
                  <CopyButton value={keys[f]} label={t.copy} copied={t.copied} />
                </dd>
              </div>
            ))}
          </dl>
          <div>
            <button type="button" onClick={() => onFill(keys)} className={secondary}>
              {t.fill}
            </button>
          </div>
        </>
      ) : (
        <form action={show}>
          <input type="hidden" name="msn" value={msn} />
          <button type="submit" disabled={showing} className={secondary}>
            {t.show}
          </button>
        </form>
      )}
      {error && !showing ? <p className="text-sm text-bad-fg">{error}</p> : null}
    </section>
  );
}
