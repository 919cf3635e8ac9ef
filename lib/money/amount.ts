// Kroner as a person writes them → øre, exactly (string arithmetic, never floats). Accepts the
// Norwegian way ("1 234,50", also with a no-break or narrow no-break space) and the plain way
// ("1234.50", "1234"). Everything else is refused with a code the form turns into a sentence.
// Safe for client components (the dialog previews as the user types).

export type AmountProblem =
  "empty" | "not_a_number" | "negative" | "zero" | "too_many_decimals" | "grouping" | "too_large";

/** The API's ceiling for an amount: a 32-bit signed integer of øre. */
export const MAX_ORE = 2_147_483_647;

const SPACES = /[\u0020\u00a0\u202f]/;

export function parseKroner(input: string): { ok: true; ore: number } | { ok: false; problem: AmountProblem } {
  const text = input.trim();
  if (text === "") return { ok: false, problem: "empty" };
  if (/^[-−–]/.test(text)) return { ok: false, problem: "negative" };
  const body = text.replace(/\s*(kr|nok)\.?$/i, "").replace(/^(kr|nok)\s*/i, "");
  // Only ASCII digits, group spaces and one decimal separator: no exponents, signs or other digits.
  if (!/^[0-9\u0020\u00a0\u202f]*([.,][0-9]*)?$/.test(body) || !/[0-9]/.test(body)) {
    return { ok: false, problem: "not_a_number" };
  }
  const separator = body.search(/[.,]/);
  const whole = separator === -1 ? body : body.slice(0, separator);
  const fraction = separator === -1 ? "" : body.slice(separator + 1);
  if (fraction.length > 2) return { ok: false, problem: "too_many_decimals" };
  if (separator !== -1 && fraction.length === 0) return { ok: false, problem: "not_a_number" };
  if (SPACES.test(whole)) {
    // Groups of three after the first: "1 234 567", never "12 34".
    if (!/^[0-9]{1,3}([\u0020\u00a0\u202f][0-9]{3})+$/.test(whole)) return { ok: false, problem: "grouping" };
  }
  const digits = whole.replace(/[\u0020\u00a0\u202f]/g, "") || "0";
  const kroner = digits.replace(/^0+(?=[0-9])/, "");
  if (kroner.length > 8) return { ok: false, problem: "too_large" };
  const ore = Number(kroner) * 100 + Number(fraction.padEnd(2, "0"));
  if (ore > MAX_ORE) return { ok: false, problem: "too_large" };
  if (ore === 0) return { ok: false, problem: "zero" };
  return { ok: true, ore };
}

/** øre → what the amount field shows ("1234,50"), no grouping so it parses back exactly. */
export function oreToInput(ore: number): string {
  const kroner = Math.floor(ore / 100);
  const rest = ore % 100;
  return `${kroner},${String(rest).padStart(2, "0")}`;
}
