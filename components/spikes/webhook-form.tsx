"use client";
// The admin's spike webhook settings. The stored URL is never shown: the field is for a new one,
// and the page says when and by whom the current one was set. "Send test" posts to the URL in the
// field, or the stored one, and says what the receiver answered. Input stays in place on an error
// (the form is submitted by hand, so React does not reset it); a saved URL leaves the field.
import { useActionState, useEffect, useRef, startTransition, type FormEvent } from "react";
import { errorOf, type ActionState } from "@/lib/actions/result";
import { saveSpikeWebhookAction } from "@/lib/actions/spikes/save-spike-webhook";
import { testSpikeWebhookAction } from "@/lib/actions/spikes/test-spike-webhook";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { WebhookView } from "@/lib/spikes/settings";
import { primaryButton } from "@/components/ui/form";
import { useActionToast } from "@/components/ui/toast";

const field =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-bad-fg";
const button =
  "rounded-lg border border-surface-line px-4 py-2 text-sm font-semibold hover:bg-surface-sunken focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60";

const fieldError = (state: ActionState<unknown>, name: string) => state.validationErrors?.fieldErrors[name]?.[0];

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="text-xs font-normal text-bad-fg">
      {message}
    </span>
  ) : null;
}

export function WebhookForm({ view, t, locale }: { view: WebhookView; t: Dictionary["spikes"]; locale: Locale }) {
  const s = t.settings;
  const [saved, save, saving] = useActionState(saveSpikeWebhookAction, {});
  useActionToast(saved, s.saved);
  const [tested, test, testing] = useActionState(testSpikeWebhookAction, {});
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!saved.data?.ok || !form.current) return;
    const { elements } = form.current;
    (elements.namedItem("url") as HTMLInputElement).value = "";
    const remove = elements.namedItem("removeUrl") as HTMLInputElement | null;
    if (remove) remove.checked = false;
  }, [saved]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget);
    startTransition(() => (submitter?.value === "test" ? test(data) : save(data)));
  };

  // Field messages belong to the button pressed last: a test refused for its URL shows under the URL too.
  const urlError = fieldError(tested, "url") ?? fieldError(saved, "url");
  const cooldownError = fieldError(saved, "cooldownMinutes");
  const saveError =
    saved.data && !saved.data.ok ? saved.data.error : cooldownError || urlError ? undefined : errorOf(saved);
  const setLine = view.urlSet
    ? view.urlSetBy
      ? interpolate(s.urlSet, { date: formatDateTime(view.urlSetAt!, locale), who: view.urlSetBy })
      : interpolate(s.urlSetUnknown, { date: formatDateTime(view.urlSetAt!, locale) })
    : s.urlNotSet;

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      data-testid="spike-webhook-form"
      className="flex flex-col gap-4 rounded-card border border-surface-line bg-surface p-5 shadow-card"
      aria-labelledby="spike-webhook-title"
    >
      <div>
        <h2 id="spike-webhook-title" className="text-sm font-semibold text-ink-muted">
          {s.title}
        </h2>
        <p className="mt-1 text-sm text-ink-muted">{s.description}</p>
      </div>
      <p className="text-sm" data-testid="spike-webhook-url-state">
        {setLine}
      </p>
      <label className="flex max-w-xl flex-col gap-1.5 text-sm font-medium">
        {view.urlSet ? s.urlReplace : s.url}
        <input
          name="url"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={600}
          placeholder="https://hooks.slack.com/services/…"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? "spike-url-error spike-url-help" : "spike-url-help"}
          className={field}
        />
        <span id="spike-url-help" className="text-xs font-normal text-ink-muted">
          {s.urlHelp}
        </span>
        <FieldError id="spike-url-error" message={urlError} />
      </label>
      {view.urlSet ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeUrl" />
          {s.removeUrl}
        </label>
      ) : null}
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={view.enabled} role="switch" />
        {s.enabled}
      </label>
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          {s.cooldown}
          <input
            name="cooldownMinutes"
            type="text"
            inputMode="numeric"
            defaultValue={view.cooldownMinutes}
            aria-invalid={cooldownError ? true : undefined}
            aria-describedby={cooldownError ? "spike-cooldown-error spike-cooldown-help" : "spike-cooldown-help"}
            className={`${field} w-32`}
          />
          <FieldError id="spike-cooldown-error" message={cooldownError} />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          {s.locale}
          <select name="locale" defaultValue={view.locale} className={field}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {s.locales[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="spike-cooldown-help" className="-mt-2 max-w-xl text-xs text-ink-muted">
        {s.cooldownHelp}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" disabled={saving} className={primaryButton}>
          {s.save}
        </button>
        <button type="submit" name="intent" value="test" disabled={testing} className={button}>
          {testing ? s.testing : s.test}
        </button>
        <span className="text-xs text-ink-muted">{s.testHelp}</span>
      </div>
      <div aria-live="polite" className="flex flex-col gap-2 text-sm">
        {saved.data?.ok && !saving ? <p className="text-ok-fg">{s.saved}</p> : null}
        {saveError ? (
          <p data-testid="spike-webhook-error" className="rounded-lg bg-bad-bg px-3 py-2 text-bad-fg">
            {saveError}
          </p>
        ) : null}
        {tested.data && !testing ? (
          <p
            data-testid="spike-webhook-test-result"
            className={`rounded-lg px-3 py-2 ${tested.data.ok ? "bg-ok-bg text-ok-fg" : "bg-bad-bg text-bad-fg"}`}
          >
            {tested.data.message}
          </p>
        ) : tested.serverError ? (
          <p className="rounded-lg bg-bad-bg px-3 py-2 text-bad-fg">{tested.serverError}</p>
        ) : null}
      </div>
    </form>
  );
}
