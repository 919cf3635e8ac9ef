-- DropIndex
DROP INDEX "ApiCallRollup_error_key_minute_idx";

-- DropIndex
DROP INDEX "ApiCallRollupDay_error_key_day_idx";

-- DropIndex
DROP INDEX "ApiCallRollupHour_error_key_hour_idx";

-- CreateIndex
CREATE INDEX "ApiCallRollup_error_key_minute_idx" ON "ApiCallRollup"("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment", "minute");

-- CreateIndex
CREATE INDEX "ApiCallRollupDay_error_key_day_idx" ON "ApiCallRollupDay"("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment", "day");

-- CreateIndex
CREATE INDEX "ApiCallRollupHour_error_key_hour_idx" ON "ApiCallRollupHour"("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment", "hour");
