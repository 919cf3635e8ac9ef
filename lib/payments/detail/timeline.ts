// The payment's timeline: Vipps' log merged with our own money operations. A Vipps entry that
// carries one of our X-Request-Ids says who pressed what and why; an operation of ours that Vipps
// has no entry for (pending, unknown, refused before sending, failed) stands on its own. Pure.
import type { MoneyOperationState, RefundReason } from "@/generated/prisma/enums";
import type { MoneyKind } from "@/lib/money/rules";

export interface VippsEvent {
  id: bigint;
  operation: string;
  amount: number;
  operationSuccess: boolean;
  transactionId: string | null;
  requestId: string | null;
  transactionText: string | null;
  timeStamp: Date;
}

export interface OurOperation {
  id: string;
  kind: MoneyKind;
  amount: number | null;
  state: MoneyOperationState;
  errorCode: string | null;
  xRequestId: string;
  createdByName: string | null;
  reason: RefundReason | null;
  note: string | null;
  createdAt: Date;
}

export interface Who {
  by: string | null;
  reason: RefundReason | null;
  note: string | null;
}

export type TimelineItem =
  | ({ source: "vipps"; key: string; at: Date; ours: Who | null } & Omit<VippsEvent, "id">)
  | {
      source: "ours";
      key: string;
      at: Date;
      kind: MoneyKind;
      amount: number | null;
      state: MoneyOperationState;
      /** A refusal before sending ("refused:<code>"), or Vipps' error code. */
      errorCode: string | null;
      ours: Who;
    };

const who = (op: OurOperation): Who => ({ by: op.createdByName, reason: op.reason, note: op.note });

export function mergeTimeline(events: readonly VippsEvent[], ops: readonly OurOperation[]): TimelineItem[] {
  const byRequestId = new Map(ops.map((o) => [o.xRequestId, o]));
  const matched = new Set<string>();
  const items: TimelineItem[] = events.map(({ id, ...e }) => {
    const op = e.requestId ? byRequestId.get(e.requestId) : undefined;
    if (op) matched.add(op.id);
    return { source: "vipps", key: `v${id}`, at: e.timeStamp, ...e, ours: op ? who(op) : null };
  });
  for (const op of ops) {
    if (matched.has(op.id)) continue;
    items.push({
      source: "ours",
      key: `o${op.id}`,
      at: op.createdAt,
      kind: op.kind,
      amount: op.amount,
      state: op.state,
      errorCode: op.errorCode,
      ours: who(op),
    });
  }
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}
