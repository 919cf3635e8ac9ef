// The command palette (components/shell/command-palette*.tsx).
export const paletteNb = {
  title: "Hopp til",
  open: "Hopp til …",
  placeholder: "OrderId, transaksjons-ID, salgssted eller side",
  placeholderPages: "Side",
  payments: "Betalinger",
  byTransactionId: "transaksjons-ID",
  searchFor: "Søk etter «{q}» i oppslaget",
  searchAll: "Se alle treff på «{q}» i oppslaget",
  pages: "Sider",
  histories: "Historikk per salgssted",
  historyOf: "Historikk: {name}",
  empty: "Ingen treff.",
  searching: "Søker …",
  failed: "Søket feilet. Prøv igjen, eller bruk oppslaget.",
  hint: "↑↓ for å velge, Enter for å åpne, Esc for å lukke",
};
