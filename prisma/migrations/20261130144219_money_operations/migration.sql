-- CreateEnum
CREATE TYPE "RefundReason" AS ENUM ('customer_request', 'returned_goods', 'duplicate_payment', 'goodwill', 'other');

-- AlterTable
ALTER TABLE "MoneyOperation" ADD COLUMN     "createdByName" VARCHAR(200),
ADD COLUMN     "note" VARCHAR(500),
ADD COLUMN     "reason" "RefundReason",
ADD COLUMN     "transactionId" VARCHAR(40),
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PaymentLock" (
    "paymentId" UUID NOT NULL,
    "operationId" UUID NOT NULL,
    "lockedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentLock_pkey" PRIMARY KEY ("paymentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentLock_operationId_key" ON "PaymentLock"("operationId");

-- AddForeignKey
ALTER TABLE "PaymentLock" ADD CONSTRAINT "PaymentLock_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentLock" ADD CONSTRAINT "PaymentLock_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "MoneyOperation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
