// Strings for the home page: what needs doing and the figures (bokmål, the reference).
export const homeNb = {
  attention: {
    title: "Trenger oppmerksomhet",
    empty: "Ingenting venter på deg akkurat nå.",
    open: "Åpne",
    items: {
      guarantee_ending: {
        one: "1 reservasjon mister kortgarantien innen 48 timer",
        many: "{count} reservasjoner mister kortgarantien innen 48 timer",
      },
      half_limit: {
        one: "1 reservasjon er over halvveis i Vipps' frist på 180 dager",
        many: "{count} reservasjoner er over halvveis i Vipps' frist på 180 dager",
      },
      money_unresolved: {
        one: "1 pengeoperasjon venter på svar fra Vipps",
        many: "{count} pengeoperasjoner venter på svar fra Vipps",
      },
      awaiting_approval: {
        one: "1 forespørsel venter på din godkjenning",
        many: "{count} forespørsler venter på din godkjenning",
      },
      spikes: {
        one: "1 økning i API-feil pågår",
        many: "{count} økninger i API-feil pågår",
      },
      missing_callbacks: {
        one: "1 reservert betaling fikk aldri callback fra Vipps",
        many: "{count} reserverte betalinger fikk aldri callback fra Vipps",
      },
    },
    hints: {
      guarantee_ending: "Trekk eller frigi før banken slipper reservasjonen.",
      half_limit: "Trekk det som er sendt, og frigi resten.",
      money_unresolved: "Utfallet hentes fra Vipps; ingenting sendes på nytt med en annen ID.",
      awaiting_approval: "En annen enn den som ba om det må godkjenne eller avvise.",
      spikes: "Se hvilke operasjoner og koder det gjelder, og hva som retter det.",
      missing_callbacks: "Sjekk at nettbutikkens callback-adresse svarer og godtar authToken.",
    },
  },
  figures: {
    title: "Tall",
    today: "I dag",
    week: "Siste 7 dager",
    volume: "Betalinger",
    awaiting: "Reservert, venter på trekk",
    failed: "Feilet",
    refunded: "Refundert",
    count: "{count} stk.",
  },
};
