"use client";
// Partner keys: add one (name, environment, the three keys), replace its keys, delete an unused one.
import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useEffect, useRef, useState } from "react";
import { Modal } from "@/components/ui/dialog";
import { fieldError, nonFieldError, submitKeepingInput } from "@/components/ui/keep-input";
import { SelectInput, TextField } from "@/components/ui/text-field";
import { errorOf } from "@/lib/actions/result";
import { createPartnerKeyAction } from "@/lib/actions/sales-units/create-partner-key";
import { deletePartnerKeyAction } from "@/lib/actions/sales-units/delete-partner-key";
import { rotatePartnerKeyAction } from "@/lib/actions/sales-units/rotate-partner-key";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { KEY_FIELDS } from "@/lib/sales-units/key-format";
import { KeyFields } from "./key-fields";
import { primaryButton } from "@/components/ui/form";
import { useActionToast } from "@/components/ui/toast";

const primary = primaryButton;
const secondary =
  "rounded-lg border border-surface-line px-3 py-1.5 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60";

type A = Dictionary["salesUnitsAdmin"];

export function NewPartnerKeyForm({ t, s }: { t: A; s: Dictionary["salesUnits"] }) {
  const p = t.partnerKeys;
  const form = useRef<HTMLFormElement>(null);
  const [result, create, pending] = useActionState(createPartnerKeyAction, {});
  useActionToast(result, p.created);
  useEffect(() => {
    if (result.data?.ok) form.current?.reset();
  }, [result]);
  const error = result.data && !result.data.ok ? result.data.error : nonFieldError(result, ["name", ...KEY_FIELDS]);
  return (
    <form
      ref={form}
      onSubmit={submitKeepingInput(create)}
      noValidate
      autoComplete="off"
      data-testid="new-partner-key"
      aria-labelledby="new-partner-key-title"
      className="flex flex-col gap-4 rounded-card border border-surface-line bg-surface p-5 shadow-card"
    >
      <h2 id="new-partner-key-title" className="text-sm font-semibold text-ink-muted">
        {p.add}
      </h2>
      <TextField
        id="partner-name"
        name="name"
        label={p.name}
        help={p.nameHelp}
        error={fieldError(result, "name")}
        maxLength={100}
        className="max-w-xl"
      />
      <SelectInput
        id="partner-environment"
        name="environment"
        label={p.environment}
        defaultValue="test"
        error={fieldError(result, "environment")}
        options={(["simulator", "test", "production"] as const).map((e) => ({ value: e, label: s.environments[e] }))}
        className="max-w-xs"
      />
      <KeyFields idPrefix="partner" result={result} t={t.keys} />
      <div>
        <button type="submit" disabled={pending} className={primary}>
          {p.submit}
        </button>
      </div>
      <div aria-live="polite">
        {result.data?.ok && !pending ? <p className="text-sm text-ok-fg">{p.created}</p> : null}
        {error && !pending ? (
          <p role="alert" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export function PartnerKeyActions({ id, name, inUse, t }: { id: string; name: string; inUse: boolean; t: A }) {
  const p = t.partnerKeys;
  const [open, setOpen] = useState<"rotate" | "delete" | null>(null);
  const [rotated, rotate, rotating] = useActionState(rotatePartnerKeyAction, {});
  const [deleted, remove, deleting] = useActionState(deletePartnerKeyAction, {});
  // New keys saved: the dialog closes (state adjusted while rendering, on the new result).
  const [seen, setSeen] = useState(rotated);
  if (rotated !== seen) {
    setSeen(rotated);
    if (rotated.data?.ok) setOpen(null);
  }
  const rotateError = nonFieldError(rotated, KEY_FIELDS);
  const deleteError = deleted.data && !deleted.data.ok ? deleted.data.error : errorOf(deleted);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondary} onClick={() => setOpen("rotate")}>
          {p.rotate}
        </button>
        {inUse ? null : (
          <button type="button" className={secondary} onClick={() => setOpen("delete")}>
            {p.delete}
          </button>
        )}
      </div>
      <div aria-live="polite" className="text-sm">
        {rotated.data?.ok && !rotating ? <p className="text-ok-fg">{p.rotated}</p> : null}
        {deleteError && !deleting ? <p className="text-bad-fg">{deleteError}</p> : null}
      </div>
      {open === "rotate" ? (
        <Modal onClose={() => setOpen(null)} testId="rotate-partner-key" describedBy="rotate-partner-key-help">
          <Dialog.Title className="text-lg font-semibold">{interpolate(p.rotateTitle, { name })}</Dialog.Title>
          <p id="rotate-partner-key-help" className="mt-1 text-sm text-ink-muted">
            {t.keys.replaceWarning}
          </p>
          <form
            onSubmit={submitKeepingInput(rotate)}
            noValidate
            autoComplete="off"
            className="mt-4 flex flex-col gap-4"
          >
            <input type="hidden" name="id" value={id} />
            <KeyFields idPrefix={`rotate-${id}`} result={rotated} t={t.keys} />
            {rotateError && !rotating ? <p className="text-sm text-bad-fg">{rotateError}</p> : null}
            <div className="flex flex-wrap justify-end gap-3">
              <Dialog.Close asChild>
                <button type="button" className={secondary}>
                  {p.cancel}
                </button>
              </Dialog.Close>
              <button type="submit" disabled={rotating} className={primary}>
                {p.rotateSubmit}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
      {open === "delete" ? (
        <Modal onClose={() => setOpen(null)} testId="delete-partner-key" describedBy="delete-partner-key-title">
          <Dialog.Title id="delete-partner-key-title" className="text-lg font-semibold">
            {interpolate(p.deleteConfirm, { name })}
          </Dialog.Title>
          <form
            action={(data) => {
              setOpen(null);
              remove(data);
            }}
            className="mt-5 flex flex-wrap justify-end gap-3"
          >
            <input type="hidden" name="id" value={id} />
            <Dialog.Close asChild>
              <button type="button" className={secondary}>
                {p.cancel}
              </button>
            </Dialog.Close>
            <button
              type="submit"
              className="rounded-lg bg-bad-fg px-4 py-2 text-sm font-semibold text-white hover:opacity-90"
            >
              {p.delete}
            </button>
          </form>
        </Modal>
      ) : null}
    </div>
  );
}
