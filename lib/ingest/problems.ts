// What can go wrong with one payment to register, as a code with parameters: the CSV report shows it
// in the user's language, the ingest API in English (both from lib/i18n/dictionaries/sections/ingest.*).
import { ingestEn } from "@/lib/i18n/dictionaries/sections/ingest.en";
import type { ingestNb } from "@/lib/i18n/dictionaries/sections/ingest.nb";
import { interpolate } from "@/lib/i18n/locales";

export type ProblemCode = keyof typeof ingestNb.problems;
export type RegisterStatus = keyof typeof ingestNb.results;

export interface Problem {
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export function problemText(texts: Record<ProblemCode, string>, problem: Problem): string {
  return interpolate(texts[problem.code], problem.params ?? {});
}

/** The API's wording (English). */
export const problemTextEn = (problem: Problem) => problemText(ingestEn.problems, problem);
