-- CreateIndex
CREATE INDEX "ApiCallRollup_error_key_minute_idx" ON "ApiCallRollup"("errorGroup", "errorCode", "httpStatus", "operation", "minute");
