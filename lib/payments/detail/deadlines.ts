// What the clock means for a payment: capture/cancel until reservation + 180 days, refund until
// + 365 days, and how long the card scheme guarantees the reservation (estimated from the BIN).
export type CardScheme = "visa" | "visa_electron" | "mastercard" | "unknown";

const VISA_ELECTRON = ["4026", "417500", "4405", "4508", "4844", "4913", "4917"];

export function schemeFromBin(bin: number | null | undefined): CardScheme {
  if (!bin) return "unknown";
  const s = String(bin);
  if (VISA_ELECTRON.some((p) => s.startsWith(p))) return "visa_electron";
  if (s.startsWith("4")) return "visa";
  const two = Number(s.slice(0, 2));
  const four = Number(s.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "mastercard";
  return "unknown";
}

/** Days the scheme typically holds a reservation (informational; Vipps never changes the status itself). */
export const GUARANTEE_DAYS: Record<Exclude<CardScheme, "unknown">, number> = {
  visa: 7,
  visa_electron: 5,
  mastercard: 30,
};

const DAY = 86_400_000;

/** When the scheme's hold on a reservation made at `reservedAt` ends; null for an unknown scheme. */
export function guaranteeEnds(reservedAt: Date | null, bin: number | null | undefined): Date | null {
  const scheme = schemeFromBin(bin);
  if (!reservedAt || scheme === "unknown") return null;
  return new Date(reservedAt.getTime() + GUARANTEE_DAYS[scheme] * DAY);
}

export interface Deadlines {
  captureUntil: Date | null;
  refundUntil: Date | null;
  scheme: CardScheme;
  guaranteeEnds: Date | null;
  /** The reservation guarantee ends within 48 hours while money is still uncaptured. */
  guaranteeEndingSoon: boolean;
  guaranteeEnded: boolean;
  /**
   * Which deadlines still matter: capture (and the card guarantee) only while money is left to
   * capture, refund only while captured money is left to refund. A deadline that no longer matters
   * is not shown; one that matters and is past is shown as passed.
   */
  applies: { capture: boolean; refund: boolean };
  passed: { capture: boolean; refund: boolean };
}

export function deadlines(
  p: {
    reservedAt: Date | null;
    bankIdentificationNumber: number | null;
    remainingToCapture: number;
    capturedAmount?: number;
    refundedAmount?: number;
  },
  now: Date,
): Deadlines {
  const scheme = schemeFromBin(p.bankIdentificationNumber);
  if (!p.reservedAt)
    return {
      captureUntil: null,
      refundUntil: null,
      scheme,
      guaranteeEnds: null,
      guaranteeEndingSoon: false,
      guaranteeEnded: false,
      applies: { capture: false, refund: false },
      passed: { capture: false, refund: false },
    };
  const t = p.reservedAt.getTime();
  const ends = guaranteeEnds(p.reservedAt, p.bankIdentificationNumber);
  const open = p.remainingToCapture > 0;
  const left = ends ? ends.getTime() - now.getTime() : Infinity;
  const captureUntil = new Date(t + 180 * DAY);
  const refundUntil = new Date(t + 365 * DAY);
  const refundable = (p.capturedAmount ?? 0) - (p.refundedAmount ?? 0) > 0;
  return {
    captureUntil,
    refundUntil,
    scheme,
    guaranteeEnds: ends,
    guaranteeEndingSoon: open && left > 0 && left <= 2 * DAY,
    guaranteeEnded: open && left <= 0,
    applies: { capture: open, refund: refundable },
    passed: { capture: captureUntil <= now, refund: refundUntil <= now },
  };
}
