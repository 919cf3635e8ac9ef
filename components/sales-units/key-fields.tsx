"use client";
// The three key inputs (client_id, client_secret, Ocp-Apim-Subscription-Key), empty and write-only,
// with their help and each field's message from the last submission.
import { fieldError } from "@/components/ui/keep-input";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { KEY_FIELDS } from "@/lib/sales-units/key-format";

export function KeyFields({
  idPrefix,
  result,
  t,
}: {
  idPrefix: string;
  result: ActionState<unknown>;
  t: Dictionary["salesUnitsAdmin"]["keys"];
}) {
  const text = {
    clientId: [t.clientId, t.clientIdHelp],
    clientSecret: [t.clientSecret, t.clientSecretHelp],
    subscriptionKey: [t.subscriptionKey, t.subscriptionKeyHelp],
  } as const;
  return (
    <>
      {KEY_FIELDS.map((f) => (
        <TextField
          key={f}
          id={`${idPrefix}-${f}`}
          name={f}
          label={text[f][0]}
          help={text[f][1]}
          error={fieldError(result, f)}
          type={f === "clientId" ? "text" : "password"}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          className="max-w-xl"
          data-1p-ignore
        />
      ))}
    </>
  );
}
