-- CreateEnum
CREATE TYPE "MoneyBatchItemState" AS ENUM ('queued', 'running', 'pending', 'succeeded', 'failed', 'awaiting_approval');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "guaranteeEndsAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "MoneyBatch" (
    "id" UUID NOT NULL,
    "idempotencyKey" VARCHAR(100) NOT NULL,
    "kind" "MoneyOperationKind" NOT NULL,
    "createdById" UUID NOT NULL,
    "createdByName" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MoneyBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MoneyBatchItem" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "msn" VARCHAR(10) NOT NULL,
    "orderId" VARCHAR(50) NOT NULL,
    "kind" "MoneyOperationKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "state" "MoneyBatchItemState" NOT NULL DEFAULT 'queued',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "runAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "operationId" UUID,
    "code" VARCHAR(40),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MoneyBatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MoneyBatch_idempotencyKey_key" ON "MoneyBatch"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MoneyBatch_createdById_createdAt_idx" ON "MoneyBatch"("createdById", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "MoneyBatchItem_state_runAfter_idx" ON "MoneyBatchItem"("state", "runAfter");

-- CreateIndex
CREATE INDEX "MoneyBatchItem_paymentId_idx" ON "MoneyBatchItem"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "MoneyBatchItem_batchId_paymentId_key" ON "MoneyBatchItem"("batchId", "paymentId");

-- AddForeignKey
ALTER TABLE "MoneyBatchItem" ADD CONSTRAINT "MoneyBatchItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MoneyBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MoneyBatchItem" ADD CONSTRAINT "MoneyBatchItem_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: the card scheme's hold for payments already stored, as lib/payments/detail/deadlines.ts
-- estimates it from the BIN (Visa Electron 5 days, Visa 7, Mastercard 30). New rows get it at sync.
UPDATE "Payment" SET "guaranteeEndsAt" = "reservedAt" + make_interval(days => CASE
    WHEN "bankIdentificationNumber"::text ~ '^(4026|417500|4405|4508|4844|4913|4917)' THEN 5
    WHEN "bankIdentificationNumber"::text ~ '^4' THEN 7
    WHEN substr("bankIdentificationNumber"::text, 1, 2)::int BETWEEN 51 AND 55 THEN 30
    WHEN substr("bankIdentificationNumber"::text, 1, 4)::int BETWEEN 2221 AND 2720 THEN 30
  END)
WHERE "reservedAt" IS NOT NULL AND "bankIdentificationNumber" IS NOT NULL;
