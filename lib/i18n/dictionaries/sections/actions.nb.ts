// What every server action may answer before or beside its own result (lib/actions/client.ts).
export const actionsNb = {
  errors: {
    unauthenticated: "Økten din er utløpt. Logg inn på nytt.",
    forbidden: "Rollen din gir ikke lov til dette.",
    notFound: "Fant ikke det du ba om, eller du har ikke tilgang til det.",
    conflict: "Det ble endret av noen andre i mellomtiden. Last inn siden og prøv igjen.",
    upstream: "Vipps svarte ikke som ventet. Prøv igjen om litt.",
    invalidInput: "Noe i skjemaet er ikke gyldig.",
    tooLarge: "Forespørselen er for stor (maks {max}).",
    lengthRequired: "Forespørselen må oppgi lengden sin (Content-Length).",
    badAddress: "Adressen er ugyldig (feil prosent-koding).",
    unexpected: "Noe gikk galt. Prøv igjen; oppgi referansen {ref} hvis det fortsetter.",
  },
  /** Field messages: zod schemas name these codes, the pipeline turns them into text. */
  input: {
    invalid: "Ugyldig verdi.",
    required: "Feltet må fylles ut.",
    msnFormat: "Et MSN er 5–7 sifre.",
    orderIdFormat: "En orderId er 1–50 tegn: bokstaver a–z, sifre og bindestrek.",
    uuid: "Ugyldig referanse.",
    fileRequired: "Velg en fil.",
    keyName: "Gi nøkkelen et navn (1–100 tegn).",
    keyScope: "Velg minst ett salgssted, eller alle.",
  },
} as const;
