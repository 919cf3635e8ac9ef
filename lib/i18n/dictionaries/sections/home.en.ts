import type { Widen } from "../widen";
import type { homeNb } from "./home.nb";

export const homeEn: Widen<typeof homeNb> = {
  attention: {
    title: "Needs attention",
    empty: "Nothing is waiting for you right now.",
    open: "Open",
    items: {
      guarantee_ending: {
        one: "1 reservation loses its card guarantee within 48 hours",
        many: "{count} reservations lose their card guarantee within 48 hours",
      },
      half_limit: {
        one: "1 reservation is past half of Vipps' 180-day limit",
        many: "{count} reservations are past half of Vipps' 180-day limit",
      },
      money_unresolved: {
        one: "1 money operation is waiting for an answer from Vipps",
        many: "{count} money operations are waiting for an answer from Vipps",
      },
      awaiting_approval: {
        one: "1 request is waiting for your approval",
        many: "{count} requests are waiting for your approval",
      },
      spikes: {
        one: "1 rise in API errors is ongoing",
        many: "{count} rises in API errors are ongoing",
      },
      missing_callbacks: {
        one: "1 reserved payment never got a callback from Vipps",
        many: "{count} reserved payments never got a callback from Vipps",
      },
    },
    hints: {
      guarantee_ending: "Capture or release before the bank drops the reservation.",
      half_limit: "Capture what has been shipped, and release the rest.",
      money_unresolved: "The outcome is read from Vipps; nothing is sent again under another ID.",
      awaiting_approval: "Someone other than the requester approves or rejects.",
      spikes: "See which operations and codes it is, and what fixes it.",
      missing_callbacks: "Check that the shop's callback address answers and accepts the authToken.",
    },
  },
  figures: {
    title: "Figures",
    today: "Today",
    week: "Last 7 days",
    volume: "Payments",
    awaiting: "Reserved, awaiting capture",
    failed: "Failed",
    refunded: "Refunded",
    count: "{count}",
  },
};
