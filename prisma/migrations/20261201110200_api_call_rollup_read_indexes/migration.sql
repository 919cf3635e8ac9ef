-- DropIndex
DROP INDEX "ApiCallRollupDay_msn_day_idx";

-- DropIndex
DROP INDEX "ApiCallRollupHour_msn_hour_idx";

-- CreateIndex
CREATE INDEX "ApiCallRollupAllDay_day_read_idx" ON "ApiCallRollupAllDay"("day", "httpStatus", "environment", "errorGroup", "errorCode", "operation", "calls", "firstMinute", "lastMinute", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11");

-- CreateIndex
CREATE INDEX "ApiCallRollupAllHour_hour_read_idx" ON "ApiCallRollupAllHour"("hour", "httpStatus", "environment", "errorGroup", "errorCode", "operation", "calls", "firstMinute", "lastMinute", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11");

-- CreateIndex
CREATE INDEX "ApiCallRollupDay_msn_day_read_idx" ON "ApiCallRollupDay"("msn", "day", "httpStatus", "environment", "errorGroup", "errorCode", "operation", "calls", "firstMinute", "lastMinute", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11");

-- CreateIndex
CREATE INDEX "ApiCallRollupHour_msn_hour_read_idx" ON "ApiCallRollupHour"("msn", "hour", "httpStatus", "environment", "errorGroup", "errorCode", "operation", "calls", "firstMinute", "lastMinute", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11");
