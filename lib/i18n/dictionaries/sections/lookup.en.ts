import type { Widen } from "../widen";
import type { lookupNb } from "./lookup.nb";

export const lookupEn: Widen<typeof lookupNb> = {
  title: "Look up a payment",
  description:
    "Search by orderId (also its beginning, and -1, -2 …, in any letter case), transaction ID, amount (“599” or “599.00”) or transaction text across all your sales units.",
  label: "orderId, transaction ID, amount or text",
  placeholder: "e.g. FS-100234, 5000012345 or 599.00",
  shortcut: "Press / to search",
  submit: "Search",
  errors: {
    empty: "Enter an orderId, a transaction ID, an amount or a text.",
    too_long: "A search has at most 100 characters (a transaction text is never longer).",
    bad_characters: "A search cannot contain control characters.",
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
  match: {
    exact: "Exact",
    exactAnyCase: "Exact (other letter case)",
    sibling: "Sibling (-1, -2 …)",
    prefix: "Starts with",
    prefixAnyCase: "Starts with (other letter case)",
    transactionId: "Transaction ID",
    amount: "Amount",
    text: "Transaction text",
  },
  more: "Showing {shown} of {total} — narrow the search, or",
  moreAtLeast: "Showing {shown} of more than {total} — narrow the search, or",
  fullList: "see the full list in history",
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
