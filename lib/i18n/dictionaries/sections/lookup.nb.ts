// Strings for the lookup (search) page (bokmål, the reference). Add keys here and in lookup.en.ts.
export const lookupNb = {
  title: "Slå opp betaling",
  description: "Søk på orderId (også starten av en, og -1, -2 …) eller transaksjons-ID i alle salgsstedene dine.",
  label: "orderId eller transaksjons-ID",
  placeholder: "f.eks. FS-100234 eller 5000012345",
  shortcut: "Trykk / for å søke",
  submit: "Søk",
  errors: {
    empty: "Skriv inn en orderId eller transaksjons-ID.",
    too_long: "En orderId er på høyst 50 tegn.",
    bad_characters: "En orderId kan bare inneholde a–z, A–Z, 0–9 og bindestrek.",
  },
  results: "{count} treff for «{q}»",
  columns: {
    orderId: "orderId",
    salesUnit: "Salgssted",
    amount: "Beløp",
    status: "Status",
    created: "Opprettet",
    match: "Treff",
  },
  match: { exact: "Eksakt", sibling: "Søsken (-1, -2 …)", prefix: "Starter med", transactionId: "Transaksjons-ID" },
  shared:
    "Ordre {orderId} finnes i flere salgssteder ({units}). Dette er separate betalinger: en refusjon i ett salgssted påvirker ikke det andre.",
  notFound: "Fant ingen betaling med «{q}» i salgsstedene dine.",
  askVipps: "Slå opp hos Vipps",
  askVippsHint: "Spør Vipps i hvert salgssted du har tilgang til, og lagre det som finnes.",
  asking: "Spør Vipps …",
  remote: { found: "Funnet og lagret", not_found: "Ikke i dette salgsstedet", error: "Vipps svarte ikke ({detail})" },
  open: "Åpne",
};
