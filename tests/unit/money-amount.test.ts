// What finance types into the amount field becomes øre exactly, or a specific refusal (issue 9's
// bad-input list): never a float, never a guess.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ORE, oreToInput, parseKroner } from "@/lib/money/amount";

describe("kroner as written → øre", () => {
  it.each([
    ["1 234,50", 123_450],
    ["1\u00a0234,50", 123_450],
    ["1\u202f234,50", 123_450],
    ["1234.50", 123_450],
    ["1234,5", 123_450],
    ["1234", 123_400],
    ["0,01", 1],
    [".5", 50],
    ["12 345 678,99", 1_234_567_899],
    ["  599 ", 59_900],
    ["599 kr", 59_900],
    ["kr 599,00", 59_900],
    ["21474836,47", MAX_ORE],
    ["0019,90", 1_990],
  ])("%j → %d øre", (input, ore) => expect(parseKroner(input)).toEqual({ ok: true, ore }));

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["-10", "negative"],
    ["−10", "negative"],
    ["0", "zero"],
    ["0,00", "zero"],
    ["1e3", "not_a_number"],
    ["1E3", "not_a_number"],
    ["+5", "not_a_number"],
    ["12,345", "too_many_decimals"],
    ["1.005", "too_many_decimals"],
    ["١٢٣", "not_a_number"], // Arabic-Indic digits
    ["１２３", "not_a_number"], // full-width digits
    ["12 34", "grouping"],
    ["1 23,50", "grouping"],
    ["1234 567", "grouping"],
    ["1.234,50", "not_a_number"], // two separators
    ["1,234.50", "not_a_number"],
    ["10,", "not_a_number"],
    ["abc", "not_a_number"],
    ["21474836,48", "too_large"],
    ["999999999", "too_large"],
    ["NaN", "not_a_number"],
    ["Infinity", "not_a_number"],
  ])("%j is refused as %s", (input, problem) => expect(parseKroner(input)).toEqual({ ok: false, problem }));

  it("round-trips every amount the API accepts, exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ORE }), (ore) => {
        expect(parseKroner(oreToInput(ore))).toEqual({ ok: true, ore });
      }),
      { numRuns: 2000 },
    );
  });
});
