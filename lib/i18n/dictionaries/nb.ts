// Norwegian (bokmål): the reference dictionary. en.ts must have exactly the same keys (type-checked).
// Feature strings live in sections/<feature>.nb.ts and are spread in below.
import { actionsNb } from "./sections/actions.nb";
import { apiLogNb } from "./sections/api-log.nb";
import { auditNb } from "./sections/audit.nb";
import { chargedTwiceNb } from "./sections/charged-twice.nb";
import { financeNb } from "./sections/finance.nb";
import { errorNb } from "./sections/error.nb";
import { errorsNb } from "./sections/errors.nb";
import { historyNb } from "./sections/history.nb";
import { homeNb } from "./sections/home.nb";
import { ingestNb } from "./sections/ingest.nb";
import { moneyNb } from "./sections/money.nb";
import { lookupNb } from "./sections/lookup.nb";
import { paymentNb } from "./sections/payment.nb";
import { remediesNb } from "./sections/remedies.nb";
import { myAccountNb } from "./sections/my-account.nb";
import { salesUnitsAdminNb } from "./sections/sales-units-admin.nb";
import { paletteNb } from "./sections/palette.nb";
import { spikesNb } from "./sections/spikes.nb";
import { usersNb } from "./sections/users.nb";
import { twoFactorNb } from "./sections/two-factor.nb";
import type { Widen } from "./widen";

const nb = {
  actions: actionsNb,
  apiLog: apiLogNb,
  audit: auditNb,
  chargedTwice: chargedTwiceNb,
  errors: errorsNb,
  finance: financeNb,
  history: historyNb,
  home: homeNb,
  ingest: ingestNb,
  lookup: lookupNb,
  money: moneyNb,
  payment: paymentNb,
  remedies: remediesNb,
  salesUnitsAdmin: salesUnitsAdminNb,
  palette: paletteNb,
  spikes: spikesNb,
  users: usersNb,
  myAccount: myAccountNb,
  twoFactor: twoFactorNb,
  appName: "Merchant Ops",
  tagline: "Drift for Vipps-betalinger",
  language: { label: "Språk", nb: "Norsk", en: "English" },
  roles: { admin: "Administrator", finance: "Økonomi", support: "Kundeservice", developer: "Utvikler" },
  nav: {
    overview: "Oversikt",
    lookup: "Oppslag",
    history: "Historikk",
    approvals: "Godkjenninger",
    finance: "Trekk-kø",
    salesUnits: "Salgssteder",
    errors: "API-feil",
    apiLog: "API-logg",
    users: "Brukere",
    signOut: "Logg ut",
    signOutEverywhere: "Logg ut på alle enheter",
    signedInAs: "Logget inn som",
    mainMenu: "Hovedmeny",
    openMenu: "Meny",
    closeMenu: "Lukk",
  },
  login: {
    title: "Logg inn",
    subtitle: "Bruk e-postadressen og passordet du har fått av administratoren.",
    email: "E-post",
    password: "Passord",
    submit: "Logg inn",
    submitting: "Logger inn …",
    errors: {
      invalid: "Feil e-post eller passord.",
      locked: "For mange mislykkede forsøk. Kontoen er låst til {time}. Prøv igjen etter det.",
      emailRequired: "Skriv inn e-postadressen din.",
      passwordRequired: "Skriv inn passordet ditt.",
      emailMalformed: "Det ser ikke ut som en e-postadresse.",
      tooLong: "Feltet er for langt (maks 1 KB).",
      addressThrottled: "For mange mislykkede innlogginger fra nettverket ditt. Vent litt og prøv igjen.",
      unexpected: "Noe gikk galt ved innloggingen. Prøv igjen.",
    },
    demoTitle: "Demobrukere",
    demoHint: "Demomodus: disse brukerne finnes bare i demodataene.",
  },
  overview: {
    title: "Oversikt",
    greeting: "Hei, {name}",
    roleIntro: "Du er logget inn som {role}.",
    canDo: "Dette kan du gjøre",
    salesUnitsCard: "Salgssteder du har tilgang til",
    allSalesUnits: "Alle salgssteder",
    noSalesUnits: "Du har ikke tilgang til noen salgssteder ennå. Be en administrator om tilgang.",
    apiCallsCard: "API-kall siste 24 timer",
    abilities: {
      "payments:read": "Slå opp betalinger og lese historikken",
      "payments:money": "Trekke, frigi, kansellere og refundere betalinger",
      "apilog:read": "Følge API-feil med årsak og løsning, og lese hvert kall i API-loggen",
      "salesunits:read": "Se salgsstedene dine",
      "users:manage": "Opprette og endre brukere og rollene deres, og lage API-nøkler for nettbutikken",
      "salesunits:manage": "Legge til salgssteder, lagre API-nøklene deres og teste tilkoblingen til Vipps",
    },
  },
  approvals: {
    title: "Venter på godkjenning",
    description:
      "Forespørsler over salgsstedets grense for fire øyne. En annen enn den som ba om det må godkjenne eller avvise; etter 24 timer utløper de.",
    empty: "Ingen forespørsler venter.",
    columns: {
      orderId: "OrderId",
      salesUnit: "Salgssted",
      what: "Operasjon",
      amount: "Beløp",
      by: "Bedt om av",
      when: "Når",
      decide: "Avgjør",
    },
    yours: "Din forespørsel: en annen må avgjøre den.",
  },
  salesUnits: {
    approvals: "Fire øyne",
    approvalsHelp: "Refusjoner over grensen, og eventuelt frigivelser, må godkjennes av en annen person.",
    threshold: "Grense for refusjon (kr, tom = ingen)",
    releaseApproval: "Frigivelse av resten må godkjennes",
    save: "Lagre",
    saved: "Lagret.",
    approvalNone: "Ingen grense",
    approvalOver: "Refusjon over {amount}",
    approvalRelease: "frigivelse",
    title: "Salgssteder",
    description: "Salgsstedene (MSN) du har tilgang til.",
    msn: "MSN",
    name: "Navn",
    environment: "Miljø",
    captureType: "Trekk",
    credentials: "API-nøkler",
    configured: "Lagret (kryptert)",
    missing: "Mangler",
    empty: "Ingen salgssteder å vise.",
    environments: { simulator: "Simulator", test: "Test", production: "Produksjon" },
    captureTypes: { reserve: "Reserver, trekk senere", direct: "Direkte trekk" },
  },
  notFound: {
    title: "Fant ikke siden",
    body: "Adressen finnes ikke, eller du har ikke tilgang til den. Sjekk lenken, eller gå tilbake til oversikten.",
    home: "Til oversikten",
  },
  forbidden: {
    title: "Ingen tilgang",
    body: "Rollen din ({role}) gir ikke tilgang til denne siden. Be en administrator om tilgang hvis du trenger den.",
  },
  error: errorNb,
  common: {
    loading: "Laster …",
    skipToContent: "Hopp til innholdet",
    notifications: "Varsler",
    closeNotification: "Lukk varselet",
  },
};

export type Dictionary = Widen<typeof nb>;
export default nb satisfies Dictionary as Dictionary;
