// The exactly-once invariant the money tests check after every scenario: Vipps' successful
// movements of each kind equal the ledger's succeeded operations, every movement carries one of our
// request ids exactly once, and no payment lock is left behind.
import { expect } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { EcomClient } from "@/lib/ecom";

export async function expectLedgerMatchesVipps(prisma: PrismaClient, client: EcomClient, msn: string, orderId: string) {
  const log = (await client.getPaymentDetails(orderId)).transactionLogHistory.filter((e) => e.operationSuccess);
  const ops = await prisma.moneyOperation.findMany({ where: { orderId, msn, state: "succeeded" } });
  const sum = (xs: { amount: number | null }[]) => xs.reduce((a, x) => a + (x.amount ?? 0), 0);
  expect(sum(log.filter((e) => e.operation === "CAPTURE"))).toBe(sum(ops.filter((o) => o.kind === "capture")));
  expect(sum(log.filter((e) => e.operation === "REFUND"))).toBe(sum(ops.filter((o) => o.kind === "refund")));
  const ids = log.filter((e) => e.requestId).map((e) => e.requestId);
  expect(new Set(ids).size).toBe(ids.length);
  for (const op of ops) expect(ids).toContain(op.xRequestId);
  expect(await prisma.paymentLock.count({ where: { payment: { orderId, msn } } })).toBe(0);
}
