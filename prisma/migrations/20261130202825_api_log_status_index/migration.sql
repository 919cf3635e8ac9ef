-- CreateIndex
CREATE INDEX "ApiCallLog_operation_httpStatus_at_idx" ON "ApiCallLog"("operation", "httpStatus", "at");
