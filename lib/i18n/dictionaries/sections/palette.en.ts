import type { Widen } from "../widen";
import type { paletteNb } from "./palette.nb";

export const paletteEn: Widen<typeof paletteNb> = {
  title: "Jump to",
  open: "Jump to …",
  placeholder: "OrderId, transaction ID, sales unit or page",
  placeholderPages: "Page",
  payments: "Payments",
  byTransactionId: "transaction ID",
  searchFor: "Search for “{q}” in the lookup",
  searchAll: "See every match for “{q}” in the lookup",
  pages: "Pages",
  histories: "History per sales unit",
  historyOf: "History: {name}",
  empty: "Nothing matches.",
  searching: "Searching …",
  failed: "The search failed. Try again, or use the lookup.",
  hint: "↑↓ to choose, Enter to open, Esc to close",
};
