-- DropIndex
DROP INDEX "Payment_msn_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Payment_msn_status_createdAt_amount_idx" ON "Payment"("msn", "status", "createdAt" DESC, "amount");
