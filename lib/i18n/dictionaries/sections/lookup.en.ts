import type { Widen } from "../widen";
import type { lookupNb } from "./lookup.nb";

export const lookupEn: Widen<typeof lookupNb> = {
  title: "Look up a payment",
  description: "Search by orderId (also its beginning, and -1, -2 …) or transaction ID across all your sales units.",
  label: "orderId or transaction ID",
  placeholder: "e.g. FS-100234 or 5000012345",
  shortcut: "Press / to search",
  submit: "Search",
  errors: {
    empty: "Enter an orderId or a transaction ID.",
    too_long: "An orderId has at most 50 characters.",
    bad_characters: "An orderId can only contain a–z, A–Z, 0–9 and hyphens.",
  },
  results: "{count} results for “{q}”",
  columns: {
    orderId: "orderId",
    salesUnit: "Sales unit",
    amount: "Amount",
    status: "Status",
    created: "Created",
    match: "Match",
  },
  match: { exact: "Exact", sibling: "Sibling (-1, -2 …)", prefix: "Starts with", transactionId: "Transaction ID" },
  shared:
    "Order {orderId} exists in more than one sales unit ({units}). These are separate payments: a refund in one sales unit does not touch the other.",
  notFound: "No payment matching “{q}” in your sales units.",
  askVipps: "Look up at Vipps",
  askVippsHint: "Ask Vipps in each sales unit you have access to, and register what is found.",
  asking: "Asking Vipps …",
  remote: {
    found: "Found and registered",
    not_found: "Not in this sales unit",
    error: "Vipps did not answer ({detail})",
  },
  open: "Open",
};
