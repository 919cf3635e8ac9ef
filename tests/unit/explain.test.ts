import { describe, expect, it } from "vitest";
import { explanationText } from "@/components/payments/explanation-text";
import en from "@/lib/i18n/dictionaries/en";
import nb from "@/lib/i18n/dictionaries/nb";
import {
  explainChargedTwice as explainFacts,
  type DuplicateCandidate,
  type ExplainEvent,
  type ExplainPayment,
} from "@/lib/payments/detail/explain";

const NBSP = "\u00a0";
const ev = (operation: string, amount: number, iso: string, transactionId: string, ok = true): ExplainEvent => ({
  operation,
  amount,
  operationSuccess: ok,
  transactionId,
  timeStamp: new Date(iso),
});
const base = (events: ExplainEvent[], over: Partial<ExplainPayment> = {}): ExplainPayment => ({
  orderId: "FS-1",
  status: "captured",
  capturedAmount: 0,
  refundedAmount: 0,
  remainingToCapture: 0,
  scheme: "visa",
  events,
  ...over,
});
/** The facts, with the answer written from the dictionaries in both languages, as the page shows it. */
const explainChargedTwice = (p: ExplainPayment, candidates: DuplicateCandidate[]) => {
  const x = explainFacts(p, candidates);
  return { ...x, text: { nb: explanationText(nb, "nb", x), en: explanationText(en, "en", x) } };
};
const reserve = ev("RESERVE", 59900, "2026-11-03T09:00:00Z", "5000000001");
const initiate = ev("INITIATE", 59900, "2026-11-03T08:59:00Z", "5000000001");

describe("'charged twice' explanation", () => {
  it("explains a reservation and a capture as one payment, with the bank's two lines, in both languages", () => {
    const x = explainChargedTwice(
      base([initiate, reserve, ev("CAPTURE", 59900, "2026-11-04T11:30:00Z", "5000000002")], { capturedAmount: 59900 }),
      [],
    );
    expect(x.verdict).toBe("one_payment");
    // The domain result is language-free: codes, øre and times; the words come from the dictionaries.
    expect(x.facts).toEqual([
      { code: "reserved", orderId: "FS-1", amount: 59900, at: new Date("2026-11-03T09:00:00Z") },
      { code: "captured", amount: 59900, at: new Date("2026-11-04T11:30:00Z") },
      { code: "bank_shows_two_lines", release: { scheme: "visa", days: 7 } },
      {
        code: "transaction_ids",
        ids: [
          { id: "5000000001", kinds: ["reservation"] },
          { id: "5000000002", kinds: ["capture"] },
        ],
      },
    ]);
    expect(x.text.nb).toBe(
      `Du betalte for ordre FS-1 3. nov. 2026, 10:00. Da ble 599,00${NBSP}kr reservert på kortet ditt. 4. nov. 2026, 12:30 ble 599,00${NBSP}kr trukket. ` +
        `Banken din kan vise både reservasjonen og trekket som to linjer til reservasjonen faller bort, vanligvis innen 7 dager for Visa. Du betaler bare én gang. ` +
        `Transaksjons-ID i Vipps-appen: 5000000001 (reservasjon), 5000000002 (trekk).`,
    );
    // The English answer writes money the English way.
    expect(x.text.en).toContain(`On 4 Nov 2026, 12:30, NOK${NBSP}599.00 was charged.`);
    expect(x.text.en).not.toContain("kr");
    expect(x.text.en).toContain("Transaction IDs in the Vipps app: 5000000001 (reservation), 5000000002 (capture).");
    expect(x.text.en).toContain("usually within 7 days for Visa. You only pay once.");
    expect(x.transactionIds).toEqual(["5000000001", "5000000002"]);
  });

  it("explains a partial capture with the rest released", () => {
    const x = explainChargedTwice(
      base(
        [
          initiate,
          reserve,
          ev("CAPTURE", 40000, "2026-11-04T11:30:00Z", "5000000002"),
          ev("VOID", 19900, "2026-11-04T12:00:00Z", "5000000003"),
        ],
        { capturedAmount: 40000, scheme: "mastercard" },
      ),
      [],
    );
    expect(x.text.nb).toContain(`Resten, 199,00${NBSP}kr, ble frigitt 4. nov. 2026, 13:00 og vil ikke bli trukket.`);
    expect(x.text.en).toContain("usually within 30 days for Mastercard");
  });

  it("explains a rest that is still reserved, repeated captures, and refunds with bank days", () => {
    const x = explainChargedTwice(
      base(
        [
          initiate,
          reserve,
          ev("CAPTURE", 20000, "2026-11-04T10:00:00Z", "2"),
          ev("CAPTURE", 10000, "2026-11-05T10:00:00Z", "3"),
          ev("REFUND", 5000, "2026-11-06T10:00:00Z", "4"),
          ev("REFUND", 99999, "2026-11-06T10:01:00Z", "5", false),
        ],
        { capturedAmount: 30000, refundedAmount: 5000, remainingToCapture: 29900 },
      ),
      [],
    );
    expect(x.text.nb).toContain("Beløpet ble trukket i 2 deler");
    expect(x.text.nb).toContain(`Resten, 299,00${NBSP}kr, er fortsatt reservert`);
    expect(x.text.nb).toContain(
      `50,00${NBSP}kr ble refundert 6. nov. 2026, 11:00. Det tar vanligvis 2–3 bankdager (opptil 10)`,
    );
    expect(x.text.en).toContain("2–3 banking days (up to 10)");
    expect(x.text.nb).not.toContain("999,99"); // the failed refund attempt is not the customer's business
  });

  it("says nothing was charged for a voided reservation or a failed payment", () => {
    const voided = explainChargedTwice(
      base([initiate, reserve, ev("VOID", 59900, "2026-11-03T10:00:00Z", "9")], { status: "voided" }),
      [],
    );
    expect(voided.text.en).toContain("The reservation was cancelled on 3 Nov 2026, 11:00, so nothing was charged.");
    const unknownScheme = explainChargedTwice(
      base([initiate, reserve, ev("VOID", 59900, "2026-11-03T10:00:00Z", "9")], {
        status: "voided",
        scheme: "unknown",
      }),
      [],
    );
    expect(unknownScheme.text.nb).toContain("Banken frigir beløpet, vanligvis innen 7–30 dager.");
    expect(unknownScheme.text.en).toContain("Your bank releases the amount, usually within 7–30 days.");
    const failed = explainChargedTwice(
      base([initiate, ev("RESERVE", 59900, "2026-11-03T09:00:00Z", "1", false)], { status: "failed" }),
      [],
    );
    expect(failed.verdict).toBe("nothing_charged");
    expect(failed.text.nb).toBe(
      "Betalingen for ordre FS-1 ble ikke gjennomført, og ingenting er trukket fra kontoen din.",
    );
  });

  it("explains a direct capture (SALE) as one line", () => {
    const x = explainChargedTwice(
      base([initiate, ev("SALE", 59900, "2026-11-03T09:00:00Z", "5000000001")], { capturedAmount: 59900 }),
      [],
    );
    expect(x.text.en).toContain("The amount was charged at once, so this is one payment.");
  });

  it("calls a real second payment of the same amount a genuine duplicate, without promising what nobody has done", () => {
    const other = {
      msn: "212345",
      orderId: "FS-1-1",
      amount: 59900,
      status: "captured" as const,
      capturedAmount: 59900,
      reservedAmount: 59900,
      createdAt: new Date("2026-11-03T09:04:00Z"),
    };
    const p = base([initiate, reserve, ev("CAPTURE", 59900, "2026-11-04T11:30:00Z", "2")], { capturedAmount: 59900 });
    const x = explainChargedTwice(p, [other]);
    expect(x.verdict).toBe("genuine_second_payment");
    expect(x.text.nb).toContain("FS-1-1 (599,00");
    expect(x.text.en).toContain(
      `We also see a separate payment of the same amount: FS-1-1 (NOK${NBSP}599.00, 3 Nov 2026, 10:04). That is a genuine second payment.`,
    );
    expect(x.text.nb).toContain("Det er en ekte betaling nummer to.");
    for (const text of [x.text.nb, x.text.en]) expect(text).not.toMatch(/refunder|kanseller|refund|cancel/i);
    // A payment that never went through (cancelled before reserving) is not a second payment, and is not mentioned.
    const never = explainChargedTwice(p, [{ ...other, status: "cancelled", capturedAmount: 0, reservedAmount: 0 }]);
    expect(never.verdict).toBe("one_payment");
    expect(never.text.en).not.toContain("FS-1-1");
  });

  it("says several other payments in the plural", () => {
    const p = base([initiate, reserve], { status: "reserved", remainingToCapture: 59900 });
    const other = (n: number) => ({
      msn: "212345",
      orderId: `FS-1-${n}`,
      amount: 59900,
      status: "reserved" as const,
      capturedAmount: 0,
      reservedAmount: 59900,
      createdAt: new Date(`2026-11-03T09:0${n}:00Z`),
    });
    const x = explainChargedTwice(p, [other(1), other(2)]);
    expect(x.text.en).toContain("We also see 2 separate payments of the same amount: FS-1-1 (");
    expect(x.text.en).toContain("These are genuine extra payments.");
    expect(x.text.nb).toContain("Vi ser også 2 egne betalinger på samme beløp: FS-1-1 (");
    expect(x.text.nb).toContain("Det er ekte ekstra betalinger.");
  });

  it("tells what was done to a second payment only once Vipps reports it refunded or cancelled", () => {
    const p = base([initiate, reserve, ev("CAPTURE", 59900, "2026-11-04T11:30:00Z", "2")], { capturedAmount: 59900 });
    const refunded = {
      msn: "212345",
      orderId: "FS-1-1",
      amount: 59900,
      status: "refunded" as const,
      capturedAmount: 59900,
      reservedAmount: 59900,
      createdAt: new Date("2026-11-03T09:04:00Z"),
    };
    const x = explainChargedTwice(p, [
      refunded,
      { ...refunded, orderId: "FS-1-2", status: "voided", capturedAmount: 0 },
    ]);
    expect(x.verdict).toBe("one_payment");
    expect(x.text.en).toContain(
      `A separate payment of the same amount, FS-1-1 (NOK${NBSP}599.00), has been refunded in full.`,
    );
    expect(x.text.en).toContain("FS-1-2 (NOK\u00a0599.00), was cancelled, so it was not charged.");
    expect(x.text.nb).toContain(`FS-1-1 (599,00${NBSP}kr), er refundert i sin helhet.`);
    // While it still holds money, nothing is said to be done.
    const open = explainChargedTwice(p, [{ ...refunded, status: "captured" }]);
    expect(open.text.en).not.toContain("refunded in full");
  });
});
