// The remedy catalogue for API errors (lib/api-errors/remedies.ts picks the id): per remedy a short
// title, the cause in plain words and the next step. Written from ecom-api.md §8 and Vipps' FAQ.
import type { DocKey, RemedyActor, RemedyId } from "@/lib/api-errors/remedy-catalogue";

interface RemedyText {
  title: string;
  cause: string;
  next: string;
}

export const remediesNb = {
  labels: {
    cause: "Årsak",
    who: "Hvem må gjøre noe",
    next: "Neste steg",
    docs: "Les mer hos Vipps",
  },
  who: {
    customer: "Kunden",
    staff: "Butikkens ansatte",
    developer: "Utvikler",
    vipps: "Vipps",
  } satisfies Record<RemedyActor, string>,
  docs: {
    errors: "eCom API: feil",
    errorCodes: "eCom API: feilkoder",
    errorGroups: "eCom API: feilgrupper",
    requests: "eCom API: forespørsler og svar",
    urlValidation: "eCom API: krav til adresser",
    ecomFaqErrors: "eCom FAQ: vanlige feil",
    commonErrorsFaq: "FAQ: vanlige feil",
    reserveCaptureFaq: "FAQ: reservasjon og trekk",
    refundsFaq: "FAQ: refusjon",
    usersPaymentsFaq: "FAQ: brukere og betalinger",
    accessToken: "Access token API",
    httpHeaders: "HTTP-headere",
    partnerKeys: "Partnernøkler",
    pspSignup: "PSP Signup API",
    testEnvironment: "Testmiljøet",
    testSalesUnit: "Lage et test-salgssted",
    orderId: "Om orderId",
    userinfoScope: "Userinfo: scope",
    callbacks: "Callbacker i eCom-API-et",
    statusPages: "Vipps' statussider",
  } satisfies Record<DocKey, string>,
  entries: {
    "vipps.Payment.41": {
      title: "Kunden har ikke et gyldig kort",
      cause: "Vipps fant ikke noe kort i kundens app som kan brukes, så ingenting ble reservert.",
      next: "Be kunden legge inn eller oppdatere et kort i Vipps-appen og betale på nytt.",
    },
    "vipps.Payment.42": {
      title: "Banken sa nei",
      cause: "Banken som har utstedt kortet, avviste betalingen uten å gi Vipps en grunn.",
      next: "Kunden må ta det opp med banken sin eller betale med et annet kort. Butikken kan ikke endre avslaget.",
    },
    "vipps.Payment.43": {
      title: "Banken godtok ikke beløpet",
      cause: "Banken som har utstedt kortet, avviste betalingen på grunn av beløpet.",
      next: "Sjekk at beløpet er riktig. Er det det, må kunden ta det opp med banken eller bruke et annet kort.",
    },
    "vipps.Payment.44": {
      title: "Kortet er utløpt",
      cause: "Kortet kunden betalte med, er gått ut på dato, og banken avviste det.",
      next: "Be kunden legge inn et gyldig kort i Vipps-appen og betale på nytt.",
    },
    "vipps.Payment.45": {
      title: "Reservasjonen mislyktes",
      cause:
        "Vipps fikk ikke reservert beløpet og vet ikke hvorfor. Oftest har kunden ikke gjort noe i appen før tiden gikk ut (10 minutter i alt).",
      next: "Se betalingens historikk for hva som skjedde, og be kunden prøve igjen med en ny betaling.",
    },
    "vipps.Payment.51": {
      title: "Kan ikke kansellere: noe er trukket",
      cause: "Betalingen er helt eller delvis trukket, og det som er trukket, kan ikke kanselleres.",
      next: "Refunder det som er trukket. Er noe fortsatt reservert, bruk «Frigi resten» for å slippe det.",
    },
    "vipps.Payment.52": {
      title: "Kanselleringen mislyktes",
      cause: "Vipps kunne ikke kansellere betalingen og sier ikke hvorfor.",
      next: "Hent betalingen på nytt fra Vipps for å se tilstanden, og prøv igjen senere. Skjer det igjen, kontakt Vipps med contextId fra feilen.",
    },
    "vipps.Payment.53": {
      title: "Kan ikke kansellere: ikke reservert (gammel kode)",
      cause:
        "Betalingen var ikke reservert. Vipps sluttet å bruke denne koden i juni 2023, da det ble mulig å kansellere før kunden har godkjent.",
      next: "Se betalingens tilstand i historikken. Har kunden ikke godkjent, er det ingenting som holdes av.",
    },
    "vipps.Payment.61": {
      title: "Trekket er større enn det reserverte",
      cause: "Med dette trekket ville det samlede trekket blitt større enn beløpet kunden godkjente.",
      next: "Se hva som gjenstår å trekke (reservert minus trukket), og trekk høyst det. Skal kunden betale mer, trengs en ny betaling.",
    },
    "vipps.Payment.62": {
      title: "Beløpet er ikke reservert",
      cause:
        "Det finnes ikke noe reservert beløp å trekke: kunden har ikke godkjent ennå, eller betalingen er avvist, kansellert eller utløpt.",
      next: "Hent betalingen fra Vipps. Venter den på kunden, vent til den er reservert; ellers må kunden betale på nytt.",
    },
    "vipps.Payment.63": {
      title: "Trekket mislyktes",
      cause: "Vipps kunne ikke trekke beløpet og sier ikke hvorfor.",
      next: "Se i betalingens historikk om noe ble trukket før du prøver igjen. Skjer det igjen, kontakt Vipps med contextId.",
    },
    "vipps.Payment.71": {
      title: "Refusjonen er større enn det trukne",
      cause: "Bare det som er trukket og ikke allerede refundert, kan betales tilbake.",
      next: "Se hvor mye som er trukket og refundert, og refunder høyst forskjellen.",
    },
    "vipps.Payment.72": {
      title: "Kan ikke refundere: ingenting er trukket",
      cause: "Betalingen er bare reservert. Kunden er ikke belastet, så det finnes ingenting å betale tilbake.",
      next: "Kanseller reservasjonen i stedet, så slipper banken beløpet.",
    },
    "vipps.Payment.73": {
      title: "Kan ikke refundere en kansellert betaling",
      cause: "Betalingen er kansellert, og Vipps refunderer ikke kansellerte betalinger.",
      next: "Se historikken. Mener kunden at penger er borte, er det ofte en reservasjon banken ikke har sluppet ennå.",
    },
    "vipps.Payment.74": {
      title: "Refusjonen kunne ikke belastes butikken",
      cause:
        "Vipps fikk ikke trukket refusjonen fra brukerstedets konto, som regel fordi oppgjørskontoen mangler dekning.",
      next: "Sørg for dekning på oppgjørskontoen, eller ta det opp med Vipps, og refunder så på nytt.",
    },
    "vipps.Payment.93": {
      title: "Gjentak med et annet beløp",
      cause:
        "Samme X-Request-Id ble sendt igjen med et annet beløp eller innhold. Et gjentak må være helt likt det første.",
      next: "Bruk ny X-Request-Id for et nytt trekk eller en ny refusjon. Merchant Ops lager nøkkel og innhold fra samme lagrede rad, så skjer dette hos oss, er det en feil som bør meldes.",
    },
    "vipps.Payment.95": {
      title: "For sent å refundere (365 dager)",
      cause: "Det er mer enn 365 dager siden betalingen ble reservert, og da refunderer ikke Vipps.",
      next: "Betal kunden tilbake på en annen måte, for eksempel med bankoverføring, og noter det på ordren.",
    },
    "vipps.Payment.95.direct-capture": {
      title: "Direkte trekk er ikke tillatt",
      cause:
        "Forespørselen krever direkte trekk, men salgsstedet har ikke lov til det. Vipps bruker kode 95 også for 365-dagersgrensen; meldingen viser hvilken det gjelder.",
      next: "Reserver først og trekk når varen sendes. Bare Vipps kan endre hvilken trekktype et salgssted har.",
    },
    "vipps.Payment.96": {
      title: "For sent å trekke (180 dager, gammel kode)",
      cause:
        "Det er mer enn 180 dager siden reservasjonen. Vipps brukte kode 96 for dette fram til juni 2023; nå er det 98.",
      next: "Beløpet kan ikke trekkes lenger. Skal kunden fortsatt betale, må det lages en ny betaling.",
    },
    "vipps.Payment.98": {
      title: "For sent å trekke eller kansellere (180 dager)",
      cause:
        "Det er mer enn 180 dager siden betalingen ble reservert. Da kan Vipps verken trekke eller kansellere den.",
      next: "Trekk er ikke mulig lenger. Skal kunden fortsatt betale, må det lages en ny betaling. Bankens reservasjon er som regel borte for lenge siden.",
    },
    "vipps.Payment.1082": {
      title: "Testbrukeren er ikke verifisert med BankID",
      cause:
        "Gjelder bare testmiljøet. Trolig har testbrukeren aldri logget inn og godkjent en betaling i testappen; det er vår slutning, Vipps beskriver ikke koden nærmere.",
      next: "Logg inn i Vipps' testapp med testbrukeren og godkjenn én betaling der, eller bruk en annen testbruker.",
    },
    "vipps.Payment.1501": {
      title: "Kunden er under 15 år (gammel kode)",
      cause:
        "Vipps-brukere under 15 år kan ikke betale til bedrifter. Koden ble fjernet i februar 2023; nå kommer dette som 81.",
      next: "Kunden må betale på en annen måte.",
    },
    "vipps.VippsError.91": {
      title: "Operasjonen er ikke tillatt nå",
      cause:
        "Betalingen er i en tilstand der Vipps ikke tillater operasjonen, for eksempel trekk på en kansellert betaling.",
      next: "Hent betalingen fra Vipps og velg en operasjon som passer tilstanden den har.",
    },
    "vipps.VippsError.92": {
      title: "Allerede behandlet",
      cause: "Vipps har allerede behandlet denne transaksjonen.",
      next: "Se i historikken om operasjonen er gjort. Ikke send den med ny X-Request-Id før du har sjekket, ellers kan den bli gjort to ganger.",
    },
    "vipps.VippsError.93": {
      title: "Gjentak med et annet innhold",
      cause:
        "Et trekk eller en refusjon ble sendt med samme X-Request-Id som en tidligere forespørsel, men med annet innhold.",
      next: "Send gjentak med nøyaktig samme innhold, og bruk ny X-Request-Id for en ny operasjon. Skjer dette i Merchant Ops, er det en feil som bør meldes.",
    },
    "vipps.VippsError.94": {
      title: "Betalingen er opptatt hos Vipps",
      cause: "Ordren er låst fordi Vipps allerede behandler en forespørsel på den. Det går over av seg selv.",
      next: "Vent litt og prøv igjen med samme X-Request-Id; Merchant Ops gjør det selv for pengeoperasjoner. Skjer det ofte, se etter andre systemer som endrer samme betaling.",
    },
    "vipps.VippsError.98": {
      title: "For mange samtidige forespørsler",
      cause: "Vipps fikk for mange forespørsler på en gang og avviste noen, som et vern mot misbruk.",
      next: "Send færre kall i parallell og prøv igjen litt senere. Merchant Ops gjør én operasjon om gangen per betaling, så se etter andre systemer, som nettbutikken, som kaller samtidig.",
    },
    "vipps.VippsError.99": {
      title: "Intern feil hos Vipps",
      cause:
        "Vipps svarte med en intern feil, som regel HTTP 500. Ofte er årsaken en forespørsel som slapp gjennom valideringen, for eksempel MSN som tall eller et beløp som ikke er et heltall. Vipps bruker også 99 når de ikke kan gi detaljer.",
      next: "Sjekk forespørselen mot spesifikasjonen. Ved pengeoperasjoner er utfallet ukjent til historikken er sjekket; det gjør Merchant Ops før noe sendes på nytt. Vedvarer feilen, kontakt Vipps med contextId.",
    },
    "vipps.User.81": {
      title: "Telefonnummeret kan ikke brukes",
      cause:
        "Nummeret er feil formatert, tilhører ikke en Vipps-bruker, eller brukeren kan ikke betale til bedrifter (for eksempel under 15 år). Vipps sier ikke hvilken av delene.",
      next: "Sjekk nummeret med kunden (8 sifre, norsk). Stemmer det, kan kunden betale uten forhåndsutfylt nummer eller på en annen måte.",
    },
    "vipps.User.82": {
      title: "Vipps-appen er for gammel",
      cause: "Kundens versjon av Vipps-appen støttes ikke lenger.",
      next: "Be kunden oppdatere Vipps-appen og prøve igjen.",
    },
    "vipps.Merchant.21": {
      title: "Ugyldig referanse-orderId (utgått)",
      cause:
        "Forespørselen brukte den gamle refOrderId, og den viste ikke til en gyldig ordre. Vipps fjernet refOrderId i februar 2023.",
      next: "Slutt å sende refOrderId; hver betaling har sin egen orderId.",
    },
    "vipps.Merchant.22": {
      title: "Referanseordren har feil tilstand (utgått)",
      cause: "refOrderId viste til en ordre i en tilstand som ikke tillot dette. Koden ble fjernet i februar 2023.",
      next: "Slutt å sende refOrderId; hver betaling har sin egen orderId.",
    },
    "vipps.Merchant.31": {
      title: "Brukerstedet er sperret",
      cause: "Vipps har sperret brukerstedet for betalinger.",
      next: "Brukerstedet må kontakte Vipps' kundeservice for å få vite hvorfor og hva som skal til.",
    },
    "vipps.Merchant.32": {
      title: "Mottaksgrensen er nådd",
      cause: "Brukerstedet har tatt imot mer enn grensen Vipps har satt for det.",
      next: "Ta kontakt med Vipps om grensen.",
    },
    "vipps.Merchant.33": {
      title: "Grensen for betalingsforespørsler er nådd",
      cause: "Brukerstedet har sendt flere betalingsforespørsler enn Vipps tillater.",
      next: "Ta kontakt med Vipps om grensen, og sjekk at ikke noe system oppretter betalinger i en løkke.",
    },
    "vipps.Merchant.34": {
      title: "OrderId er allerede brukt",
      cause:
        "Det finnes allerede en betaling med denne orderId for salgsstedet (MSN). En orderId kan bare brukes én gang per salgssted.",
      next: "Lag en ny orderId for hvert betalingsforsøk, for eksempel med et løpenummer til slutt. Vil du vite hvordan det første forsøket gikk, hent det fra Vipps.",
    },
    "vipps.Merchant.35": {
      title: "OrderId finnes ikke for salgsstedet",
      cause:
        "Vipps kjenner ikke orderId for salgsstedet API-nøklene hører til. Enten er orderId feil, eller betalingen ble laget med et annet salgssteds nøkler eller i det andre miljøet; orderId er bare unik per salgssted.",
      next: "Sjekk orderId (store og små bokstaver teller) og at nøklene hører til salgsstedet og miljøet betalingen ble laget i.",
    },
    "vipps.Merchant.36": {
      title: "Avtalen er ikke signert",
      cause: "Brukerstedets avtale med Vipps er ikke signert.",
      next: "En som kan signere for bedriften, logger inn på portal.vipps.no og signerer avtalen.",
    },
    "vipps.Merchant.37": {
      title: "Brukerstedet eller salgsstedet er ikke aktivt",
      cause:
        "Brukerstedet eller salgsstedet er slettet, deaktivert eller sperret. Vanlige grunner: bedriften er slettet i Brønnøysundregistrene eller har byttet organisasjonsform, salgsstedet er deaktivert i portalen (ofte ved en feil), eller partneren som bruker partnernøkler, er deaktivert.",
      next: "Sjekk salgsstedet på portal.vipps.no og aktiver det igjen med BankID om det var en feil. Et test-salgssted kan Vipps' kundeservice aktivere, eller du kan lage et nytt.",
    },
    "vipps.Merchant.38": {
      title: "Salgsstedet kan ikke hoppe over landingssiden",
      cause: "Betalingen ba om skipLandingPage, men Vipps har ikke gitt salgsstedet lov til det.",
      next: "Send betalingen uten skipLandingPage, eller søk Vipps om tilgang hvis landingssiden ikke kan vises, for eksempel ved en kasse uten skjerm.",
    },
    "vipps.Merchant.39": {
      title: "Salgsstedet kan ikke lage langvarige betalinger",
      cause: "Betalingen ba om å leve lenger enn vanlig, og det har ikke salgsstedet lov til.",
      next: "Send en vanlig betaling, eller søk Vipps om tilgang.",
    },
    "vipps.Merchant.51": {
      title: "Fødselsnummer er ikke tillatt",
      cause:
        "Betalingen ba om kundens fødselsnummer (scope «nin»), men salgsstedet har ikke lov til å få det. Vipps svarer med HTTP 403. Dette er ikke det samme som Payment/51.",
      next: "Fjern «nin» fra scope, eller søk Vipps om tilgang hvis dere trenger fødselsnummeret.",
    },
    "vipps.Merchant.97": {
      title: "Salgsstedet kan ikke ta betalt",
      cause:
        "Salgsstedet er bare godkjent for Vipps Logg inn, ikke for betalinger. Vipps viser det også som HTTP 403 «Merchant Not Allowed for Ecommerce Payment».",
      next: "Bestill «Vipps på Nett» for salgsstedet på portal.vipps.no. Vipps må gjøre de lovpålagte kontrollene før salgsstedet kan ta betalt.",
    },
    "vipps.InvalidRequest": {
      title: "Ugyldig felt i forespørselen",
      cause: "Vipps avviste et felt i forespørselen. Feilkoden er navnet på feltet, og meldingen sier hva som er galt.",
      next: "Rett feltet etter spesifikasjonen (for eksempel beløp i hele øre, minst 100; orderId med bare bokstaver, tall og bindestrek; HTTPS-adresser). Merchant Ops sjekker de fleste reglene før sending, så en slik feil kan bety en regel vi ikke kjenner.",
    },
    "vipps.Authentication": {
      title: "Nøklene ble avvist",
      cause: "Vipps godtok ikke nøklene (client_id, client_secret eller subscription key).",
      next: "Sjekk på portal.vipps.no (Utvikler) at nøklene hører til salgsstedet og miljøet, og at samme subscription key brukes for tilgangstoken og betalingskall.",
    },
    "vipps.Payment": {
      title: "Ukjent betalingsfeil",
      cause: "Vipps avviste betalingen eller operasjonen med en kode i gruppen Payment som ikke er i katalogen vår.",
      next: "Les meldingen og slå opp koden i Vipps' liste over feilkoder. Hent betalingen fra Vipps før du prøver igjen.",
    },
    "vipps.VippsError": {
      title: "Ukjent feil hos Vipps",
      cause: "Vipps meldte en intern feil med en kode som ikke er i katalogen vår.",
      next: "Se i historikken om operasjonen ble gjort, og prøv igjen senere. Vedvarer det, kontakt Vipps med contextId.",
    },
    "vipps.User": {
      title: "Ukjent feil hos kunden",
      cause:
        "Vipps avviste på grunn av noe ved kunden eller kundens Vipps-konto, med en kode som ikke er i katalogen vår.",
      next: "Be kunden sjekke Vipps-appen eller betale på en annen måte, og slå opp koden i Vipps' liste over feilkoder.",
    },
    "vipps.Merchant": {
      title: "Ukjent feil ved brukerstedet",
      cause:
        "Vipps avviste på grunn av noe ved brukerstedet eller salgsstedet, med en kode som ikke er i katalogen vår.",
      next: "Sjekk salgsstedet på portal.vipps.no og slå opp koden i Vipps' liste over feilkoder; kontakt Vipps hvis det ikke forklarer saken.",
    },
    "gateway.401.subscription-key-missing": {
      title: "Subscription key mangler",
      cause: "Vipps' API-gateway fikk ingen Ocp-Apim-Subscription-Key i forespørselen.",
      next: "Send Ocp-Apim-Subscription-Key med salgsstedets nøkkel på hvert kall, også når tilgangstokenet hentes. Sjekk at nøkkelen er lagret for salgsstedet.",
    },
    "gateway.401.subscription-key-invalid": {
      title: "Ugyldig subscription key",
      cause:
        "Gatewayen godtar ikke nøkkelen. Vanligste grunner: feil nøkkel, nøkkel fra det andre miljøet (test og produksjon har helt egne nøkler), eller en annen nøkkel enn den tilgangstokenet ble hentet med.",
      next: "Hent nøklene for riktig salgssted og miljø på portal.vipps.no, og bruk samme subscription key for token og kall. Sjekk også adressen: apitest.vipps.no for test, api.vipps.no for produksjon.",
    },
    "gateway.401.subscription-not-found": {
      title: "Fant ikke abonnementet",
      cause: "Vipps fant ikke noe aktivt abonnement for nøkkelen, så nøklene gir ikke tilgang til dette API-produktet.",
      next: "Sjekk på portal.vipps.no at salgsstedet har tilgang til API-et og at nøklene hører til det. Lag nye nøkler bare som siste utvei; de gamle slutter da å virke.",
    },
    "gateway.401.access-token": {
      title: "Tilgangstokenet mangler eller er ugyldig",
      cause:
        "Authorization-headeren mangler, er skrevet feil eller har et token gatewayen ikke godtar. Ordet «Bearer» skal ha stor B.",
      next: "Send «Authorization: Bearer <token>» med et token hentet med nøklene til samme salgssted og miljø. Skjer det ofte, sjekk de lagrede nøklene.",
    },
    "gateway.401.token-expired": {
      title: "Tilgangstokenet er utløpt",
      cause: "Tokenet er eldre enn levetiden sin (1 time i test, 24 timer i produksjon).",
      next: "Hent nytt token før tidspunktet i expires_on, ikke etter en fast tid. Skjer det ofte, sjekk at serverens klokke går riktig.",
    },
    "gateway.403.msn-mismatch": {
      title: "MSN passer ikke til nøklene",
      cause: "Salgsstedet (MSN) i forespørselen er et annet enn det API-nøklene hører til.",
      next: "Bruk nøklene til salgsstedet i forespørselen, eller rett Merchant-Serial-Number. Sjekk at hvert salgssted har sine egne nøkler lagret.",
    },
    "gateway.403.partner-msn": {
      title: "Partnernøkler uten gyldig salgssted",
      cause:
        "Partnernøkler krever headeren Merchant-Serial-Number med et salgssted som er knyttet til partneren. Headeren mangler, eller salgsstedet er ikke knyttet til partneren.",
      next: "Send Merchant-Serial-Number på hvert kall, og sjekk at salgsstedet er registrert hos partneren.",
    },
    "gateway.404.test-only": {
      title: "Finnes bare i testmiljøet",
      cause: "Tvangsgodkjenning av en betaling finnes bare i testmiljøet, ikke i produksjon.",
      next: "Bruk den bare mot apitest.vipps.no. I produksjon må kunden godkjenne i Vipps-appen.",
    },
    "gateway.404.resource-not-found": {
      title: "Adressen finnes ikke",
      cause: "Gatewayen fant ikke noe endepunkt på adressen: feil sti eller feil grunnadresse.",
      next: "Sammenlign adressen med spesifikasjonen, og sjekk grunnadressen for miljøet (apitest.vipps.no eller api.vipps.no).",
    },
    "gateway.invalid-msn.keys": {
      title: "Nøklene gjelder ikke for salgsstedet",
      cause:
        "API-nøklene gjelder ikke for salgsstedet (MSN) i forespørselen: nøkler fra feil miljø, partnernøkler for et salgssted som ikke er partnerens, eller feil bruk av Merchant-Serial-Number.",
      next: "Sjekk på portal.vipps.no at nøklene og MSN hører til samme salgssted og samme miljø.",
    },
    "gateway.invalid-msn.supermerchant": {
      title: "Salgsstedet hører ikke til partneren",
      cause:
        "Partneren brukte en MSN som ikke gjelder for partnernøklene, ofte fordi nøkler eller MSN er fra det andre miljøet.",
      next: "Bruk MSN og nøkler fra samme miljø, og sjekk at salgsstedet er knyttet til partneren.",
    },
    "gateway.invalid-msn.header-missing": {
      title: "Merchant-Serial-Number mangler",
      cause: "Partnernøkler ble brukt uten headeren Merchant-Serial-Number; derfor nevner meldingen ingen MSN.",
      next: "Send Merchant-Serial-Number med salgsstedets MSN på hvert kall med partnernøkler.",
    },
    "gateway.invalid-msn.psp": {
      title: "Salgsstedet hører ikke til PSP-en",
      cause:
        "MSN gjelder ikke for PSP-ens nøkler: nøklene er fra feil miljø, eller salgsstedet ble opprettet av en annen PSP.",
      next: "Bruk nøklene for riktig miljø. Et salgssted fra en annen PSP kan ikke brukes; lag et nytt med PSP Signup API.",
    },
    "token.invalid-client": {
      title: "Feil client_secret",
      cause: "Tokentjenesten avviste client_secret for denne client_id.",
      next: "Lagre riktig client_secret for salgsstedet fra portal.vipps.no. Er nøklene laget på nytt, gjelder bare de nye.",
    },
    "token.unauthorized-client": {
      title: "Ukjent client_id",
      cause: "Tokentjenesten kjenner ikke client_id: nøklene er feil eller hører til det andre miljøet.",
      next: "Sjekk at client_id og client_secret er for riktig salgssted og miljø, og at kallet går til riktig grunnadresse.",
    },
    "token.invalid-request": {
      title: "Mangelfull forespørsel om tilgangstoken",
      cause: "Forespørselen om tilgangstoken manglet en verdi den må ha, for eksempel client_id.",
      next: "Send client_id, client_secret og Ocp-Apim-Subscription-Key som headere på POST /accesstoken/get, uten innhold.",
    },
    "http.400": {
      title: "Forespørselen ble avvist (400)",
      cause:
        "Vipps mente forespørselen var ugyldig, men svaret hadde ingen feilkode vi kjenner. Typiske grunner: beløp under 100 øre, ugyldig adresse, eller at 180- eller 365-dagersgrensen er passert.",
      next: "Les meldingen og svaret i API-loggen, og sammenlign forespørselen med spesifikasjonen.",
    },
    "http.401": {
      title: "Ikke autorisert (401)",
      cause:
        "Vipps' gateway godtok ikke nøklene eller tilgangstokenet. Uten melding kan vi ikke si hvilken del som er feil.",
      next: "Sjekk client_id, client_secret og subscription key for riktig salgssted og miljø, og at samme subscription key brukes for token og kall. Meldingen i API-loggen sier ofte mer.",
    },
    "http.402": {
      title: "Betalingen feilet (402)",
      cause:
        "Eldre utgaver av API-et svarte 402 når betalingen eller autorisasjonen feilet. Svarer et oppslag av detaljer 402, kan betalingen være kansellert eller ukjent.",
      next: "Hent betalingen fra Vipps og se tilstanden. Kunden må eventuelt betale på nytt.",
    },
    "http.403": {
      title: "Ingen tilgang (403)",
      cause:
        "Nøklene er gyldige, men gir ikke tilgang til dette. For eksempel er salgsstedet bare godkjent for Logg inn, eller partnernøkler mangler Merchant-Serial-Number.",
      next: "Les meldingen i API-loggen, sjekk salgsstedets produkter på portal.vipps.no og at Merchant-Serial-Number er riktig.",
    },
    "http.404": {
      title: "Ikke funnet (404)",
      cause:
        "Enten finnes ikke endepunktet (feil adresse), eller orderId finnes ikke for salgsstedet nøklene hører til.",
      next: "Se på svaret: har det feilkode 35, gjelder det orderId eller nøklene; uten kode gjelder det adressen.",
    },
    "http.405": {
      title: "Feil HTTP-metode (405)",
      cause:
        "Endepunktet finnes, men ikke med denne metoden. Kansellering er for eksempel PUT, mens trekk og refusjon er POST.",
      next: "Bruk metoden spesifikasjonen oppgir for endepunktet.",
    },
    "http.409": {
      title: "Konflikt (409)",
      cause:
        "Etter Vipps' generelle regel gir en idempotensnøkkel brukt på en annen forespørsel 409. For eCom er det ikke dokumentert; der kommer som regel feilkode 93.",
      next: "Bruk ny X-Request-Id for en ny operasjon, og nøyaktig samme innhold når du gjentar en.",
    },
    "http.415": {
      title: "Feil innholdstype (415)",
      cause: "Vipps kunne ikke lese innholdet fordi Content-Type ikke var application/json.",
      next: "Send «Content-Type: application/json» på alle kall med innhold.",
    },
    "http.422": {
      title: "Gatewayen kunne ikke behandle forespørselen (422)",
      cause:
        "Azure-gatewayen foran API-et avviste forespørselen før den nådde Vipps. Kildene våre sier ikke hvilke sjekker som gir 422.",
      next: "Les meldingen i API-loggen, og sjekk headere og JSON mot spesifikasjonen.",
    },
    "http.423": {
      title: "Låst (423)",
      cause:
        "Vipps behandler en annen forespørsel på samme betaling, eller fikk flere like forespørsler tett etter hverandre. Det går over.",
      next: "Vent litt og prøv igjen med samme X-Request-Id.",
    },
    "http.429": {
      title: "For mange forespørsler (429)",
      cause:
        "Vipps begrenser kall per betaling (orderId): opprette 2 i minuttet, trekk, kansellering og refusjon 5 i minuttet, og detaljer 120 i minuttet.",
      next: "Vent så lenge Retry-After sier, og prøv igjen; trekk-køen gjør det selv. Skjer det ofte, se etter løkker eller for hyppige oppslag på samme betaling.",
    },
    "http.500": {
      title: "Serverfeil hos Vipps (500)",
      cause:
        "Vipps svarte 500 uten feilkode. Ifølge Vipps skyldes det oftest en forespørsel valideringen ikke fanget, for eksempel MSN som tall, beløp som ikke er heltall eller «fallback» i stedet for «fallBack». I testmiljøet kan det også være en forbigående databasefeil.",
      next: "Sjekk forespørselen mot spesifikasjonen. Ved pengeoperasjoner er utfallet ukjent til historikken er sjekket, og Merchant Ops sjekker før noe sendes på nytt. Ved mange feil, se Vipps' statusside.",
    },
    "http.503": {
      title: "Vipps er utilgjengelig (503)",
      cause: "Tjenesten hos Vipps er midlertidig utilgjengelig.",
      next: "Se Vipps' statusside og prøv igjen senere. Ved pengeoperasjoner er utfallet ukjent til historikken er sjekket.",
    },
    "http.5xx": {
      title: "Feil i Vipps' infrastruktur (5xx)",
      cause:
        "En server eller gateway hos Vipps svarte med feil uten feilkode. Forespørselen kan likevel ha blitt utført.",
      next: "Prøv igjen senere. Før en pengeoperasjon sendes på nytt, må historikken sjekkes; det gjør Merchant Ops selv. Ved mange feil, se Vipps' statusside.",
    },
    "response.unreadable": {
      title: "Uventet svar fra Vipps",
      cause: "Vipps svarte at det gikk bra (2xx), men svaret hadde ikke formen spesifikasjonen beskriver.",
      next: "Hent betalingen fra Vipps for å se hva som skjedde; ved pengeoperasjoner regner Merchant Ops utfallet som ukjent til da. Sjekk om Vipps har endret API-et.",
    },
    "network.timeout": {
      title: "Vipps svarte ikke i tide",
      cause: "Vi fikk ikke svar innen tidsgrensen. Forespørselen kan likevel ha nådd Vipps og blitt utført.",
      next: "Ikke gå ut fra at den feilet: ved pengeoperasjoner sjekker Merchant Ops betalingens historikk og prøver igjen med samme X-Request-Id. Ved mange tidsavbrudd, sjekk nettverket mot Vipps og statussiden.",
    },
    "network.reset": {
      title: "Forbindelsen ble brutt",
      cause: "Forbindelsen til Vipps ble lukket før svaret kom. Forespørselen kan ha blitt utført.",
      next: "Sjekk betalingens historikk før en pengeoperasjon sendes på nytt, og da med samme X-Request-Id. Skjer det ofte, sjekk nettverk og proxy mot Vipps.",
    },
    "network.unreachable": {
      title: "Fikk ikke kontakt med Vipps",
      cause:
        "Vi kom ikke fram til Vipps (navneoppslaget feilet eller tilkoblingen ble nektet), så forespørselen ble ikke sendt.",
      next: "Sjekk grunnadressen for miljøet (api.vipps.no eller apitest.vipps.no), DNS, brannmur og proxy. Det er trygt å prøve igjen.",
    },
    "callback.unauthorized": {
      title: "Callback uten riktig authToken",
      cause:
        "Vi avviste en callback fordi Authorization-headeren ikke hadde salgsstedets authToken. Enten sendte butikken et annet authToken ved initiate enn det som er registrert her, eller så kom kallet ikke fra Vipps.",
      next: "Sørg for at butikken sender det samme authToken i merchantInfo ved initiate som det som er registrert for salgsstedet. Kommer avvisningene uten at noe er endret, kan noen sende falske callbacker.",
    },
    "callback.too_many_callbacks": {
      title: "For mange callbacker for ukjente ordre",
      cause:
        "Vipps (eller noen andre) sendte flere callbacker for ordre salgsstedet ikke har registrert hos oss enn grensen tillater, så vi ba om å vente (429).",
      next: "Registrer betalinger når de startes (POST /api/v1/payments), så er de kjente når callbacken kommer. Vipps sender en callback bare én gang; betalingen hentes likevel fra /details av avstemmingen.",
    },
    "callback.other": {
      title: "Callback vi ikke kunne lese",
      cause:
        "Vi avviste en callback fordi innholdet ikke var en gyldig eCom-callback (feil JSON, manglende felt eller orderId som ikke stemmer med adressen).",
      next: "Se forespørselen i API-loggen. Kom den ikke fra Vipps, kan den ignoreres; kom den fra en egen test, rett innholdet etter eCom-spesifikasjonen.",
    },
    "network.other": {
      title: "Nettverksfeil",
      cause: "Kallet til Vipps feilet uten noe HTTP-svar. Forespørselen kan ha blitt utført.",
      next: "Se feilteksten i API-loggen og sjekk nettverket mot Vipps. Sjekk betalingens historikk før en pengeoperasjon sendes på nytt.",
    },
    generic: {
      title: "Feil som ikke er i katalogen",
      cause: "Vi har ikke beskrevet denne feilen ennå.",
      next: "Les meldingen og svaret i API-loggen, og slå opp i Vipps' dokumentasjon om feil. Vedvarer den, kontakt Vipps med contextId og tidspunktet.",
    },
  } satisfies Record<RemedyId, RemedyText>,
};
