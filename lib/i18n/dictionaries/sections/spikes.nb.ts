// Error spikes: the banner on /errors, the alert history and webhook settings (/errors/alerts), and
// the webhook's own messages (lib/spikes/message.ts).
export const spikesNb = {
  banner: {
    title: "Feiltopp nå",
    none: "Ingen feiltopper nå.",
    history: "Varselhistorikk",
    item: "{operation} i {unit}: {rate} feil siste 15 min (vanligvis {baseline}), siden {time}",
    show: "Vis på dashbordet",
  },
  alerts: {
    title: "Feiltopper",
    description:
      "Varsler når feilandelen for en operasjon i et salgssted de siste 15 minuttene ligger langt over det vanlige for akkurat den. Bare dine salgssteder.",
    rule: "Regel: minst 10 kall og 5 feil på 15 minutter, og en feilandel på minst 3 × den vanlige eller 10 prosentpoeng over den (det vanlige er feilandelen de 7 dagene før; uten 50 kall der regnes den som 0 %). Varselet lukkes når feilandelen er tilbake under halvveis mellom det vanlige og terskelen, eller færre enn 5 feil.",
    table: "Varsler",
    empty: "Ingen feiltopper ennå.",
    older: "Eldre varsler",
    newest: "Nyeste",
    columns: {
      opened: "Åpnet",
      unit: "Salgssted",
      operation: "Operasjon",
      rate: "Feilandel mot vanlig",
      calls: "Kall",
      state: "Status",
      webhook: "Webhook",
    },
    rateVsBaseline: "{rate} mot {baseline}",
    peak: "topp {peak}",
    callsErrors: "{errors} feil av {calls} kall",
    open: "Åpen",
    closed: "Lukket",
    closedAt: "lukket {time}",
    noUnit: "(uten salgssted)",
    environments: { simulator: "simulator", test: "test", production: "produksjon" },
    notify: {
      pending: "Venter",
      sending: "Sendes",
      sent: "Sendt (HTTP {status})",
      sentOnTry: "Sendt på forsøk {tries} (HTTP {status})",
      failed: "Ikke levert: {reason}",
      failedAfter: "Ikke levert etter {tries} forsøk: {reason}",
      retrying: "Forsøk {tries} av {max} feilet ({reason}); prøver igjen {time}",
      skipped: {
        not_configured: "Ikke sendt: ingen webhook satt opp",
        disabled: "Ikke sendt: webhooken er slått av",
        cooldown: "Ikke sendt: innenfor pausetiden etter forrige varsel",
      },
    },
  },
  /** Why a webhook was not delivered (lib/spikes/webhook.ts). */
  reasons: {
    http: "mottakeren svarte HTTP {status}",
    timeout: "ikke noe svar innen 5 sekunder",
    refused: "mottakeren nektet tilkoblingen",
    dns: "fant ikke vertsnavnet",
    tls: "TLS-sertifikatet ble ikke godtatt",
    network: "nettverksfeil",
    private: "adressen peker til et privat eller lokalt nett, som ikke tillates",
  },
  settings: {
    title: "Webhook for varsler",
    description:
      "Sender en melding (Slack-kompatibel JSON) når en feiltopp åpnes. Bare administratorer ser og endrer dette.",
    url: "Webhook-adresse",
    urlHelp:
      "https://… (for eksempel en innkommende webhook i Slack). Adressen er hemmelig og vises ikke igjen etter lagring.",
    urlSet: "Satt {date} av {who}",
    urlSetUnknown: "Satt {date}",
    urlNotSet: "Ingen adresse er satt.",
    urlReplace: "Ny adresse (la stå tomt for å beholde den lagrede)",
    removeUrl: "Fjern den lagrede adressen",
    enabled: "Send varsler",
    cooldown: "Pausetid (minutter)",
    cooldownHelp:
      "1–1440. Åpner en feiltopp seg igjen for samme operasjon og salgssted innen pausetiden, sendes ingen ny melding.",
    locale: "Språk i meldingene",
    locales: { nb: "Norsk", en: "English" },
    save: "Lagre",
    saved: "Lagret.",
    test: "Send test",
    testing: "Sender …",
    testHelp: "Sender en testmelding til adressen i feltet, eller til den lagrede.",
    testSent: "Testmeldingen ble levert: mottakeren svarte HTTP {status}.",
    testFailed: "Testmeldingen ble ikke levert: {reason}.",
    httpHints: {
      "400": "mottakeren forsto ikke meldingen",
      "403": "mottakeren nektet (ugyldig eller tilbakekalt webhook)",
      "404": "webhooken finnes ikke",
      "410": "webhooken er slettet eller kanalen arkivert",
    },
    errors: {
      needsUrl: "Sett en webhook-adresse før du slår på varsler.",
      noUrl: "Skriv inn en adresse å teste, eller lagre en først.",
    },
  },
  /** Field messages of the settings form (merged into the action pipeline's input codes). */
  input: {
    spike_url_format: "Skriv en hel adresse som begynner med https://.",
    spike_url_https: "Adressen må bruke https:// (http er bare lov til denne maskinen i demo- og testmodus).",
    spike_url_too_long: "Adressen er for lang (maks 500 tegn).",
    spike_cooldown_range: "Pausetiden må være et helt antall minutter fra 1 til 1440.",
  },
  /** The webhook's messages. */
  message: {
    opened: "Feiltopp: {operation} i {unit}",
    detail: "{rate} feil siste 15 min ({errors} av {calls} kall), vanligvis {baseline}. Miljø: {environment}.",
    summary: "{count} nye feiltopper",
    more: "… og {count} til",
    link: "Se varslene: {url}",
    test: "Test fra Merchant Ops: varsler om feiltopper kommer hit.",
  },
} as const;
