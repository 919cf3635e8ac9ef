-- CreateIndex
CREATE INDEX "Payment_msn_amount_id_idx" ON "Payment"("msn", "amount", "id");
