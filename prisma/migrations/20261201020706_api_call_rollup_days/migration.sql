-- CreateTable
CREATE TABLE "ApiCallRollupDay" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "msn" VARCHAR(10) NOT NULL,
    "environment" "Environment" NOT NULL,
    "operation" VARCHAR(40) NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "errorGroup" VARCHAR(40) NOT NULL,
    "errorCode" VARCHAR(40) NOT NULL,
    "calls" INTEGER NOT NULL,
    "durationSumMs" BIGINT NOT NULL,
    "l0" INTEGER NOT NULL DEFAULT 0,
    "l1" INTEGER NOT NULL DEFAULT 0,
    "l2" INTEGER NOT NULL DEFAULT 0,
    "l3" INTEGER NOT NULL DEFAULT 0,
    "l4" INTEGER NOT NULL DEFAULT 0,
    "l5" INTEGER NOT NULL DEFAULT 0,
    "l6" INTEGER NOT NULL DEFAULT 0,
    "l7" INTEGER NOT NULL DEFAULT 0,
    "l8" INTEGER NOT NULL DEFAULT 0,
    "l9" INTEGER NOT NULL DEFAULT 0,
    "l10" INTEGER NOT NULL DEFAULT 0,
    "l11" INTEGER NOT NULL DEFAULT 0,
    "firstMinute" TIMESTAMPTZ(3) NOT NULL,
    "lastMinute" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiCallRollupDay_pkey" PRIMARY KEY ("day","msn","environment","operation","httpStatus","errorGroup","errorCode")
);

-- CreateIndex
CREATE INDEX "ApiCallRollupDay_msn_day_idx" ON "ApiCallRollupDay"("msn", "day");

-- CreateIndex
CREATE INDEX "ApiCallRollupDay_error_key_day_idx" ON "ApiCallRollupDay"("errorGroup", "errorCode", "httpStatus", "operation", "day");

-- Backfill: the UTC days of every hour rollup there is (an hour lies within one UTC day).
INSERT INTO "ApiCallRollupDay" ("day", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode",
  "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11",
  "firstMinute", "lastMinute")
SELECT date_trunc('day', "hour", 'UTC'), "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode",
  sum("calls"), sum("durationSumMs"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"),
  sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), min("firstMinute"), max("lastMinute")
FROM "ApiCallRollupHour"
GROUP BY 1, 2, 3, 4, 5, 6, 7;
