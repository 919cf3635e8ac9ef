import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

/** The history section of the request's dictionary. */
export type HistoryText = Dictionary["history"];
