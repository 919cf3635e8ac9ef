-- CreateTable
CREATE TABLE "ApiCallRollupAll" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
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
    "msns" VARCHAR(10)[],

    CONSTRAINT "ApiCallRollupAll_pkey" PRIMARY KEY ("minute","environment","operation","httpStatus","errorGroup","errorCode")
);

-- CreateTable
CREATE TABLE "ApiCallRollupAllHour" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
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
    "msns" VARCHAR(10)[],
    "firstMinute" TIMESTAMPTZ(3) NOT NULL,
    "lastMinute" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiCallRollupAllHour_pkey" PRIMARY KEY ("hour","environment","operation","httpStatus","errorGroup","errorCode")
);

-- CreateTable
CREATE TABLE "ApiCallRollupAllDay" (
    "day" TIMESTAMPTZ(3) NOT NULL,
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
    "msns" VARCHAR(10)[],
    "firstMinute" TIMESTAMPTZ(3) NOT NULL,
    "lastMinute" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiCallRollupAllDay_pkey" PRIMARY KEY ("day","environment","operation","httpStatus","errorGroup","errorCode")
);

-- CreateIndex
CREATE INDEX "ApiCallRollupAll_error_key_minute_idx" ON "ApiCallRollupAll"("errorGroup", "errorCode", "httpStatus", "operation", "minute");

-- CreateIndex
CREATE INDEX "ApiCallRollupAllHour_error_key_hour_idx" ON "ApiCallRollupAllHour"("errorGroup", "errorCode", "httpStatus", "operation", "hour");

-- CreateIndex
CREATE INDEX "ApiCallRollupAllDay_error_key_day_idx" ON "ApiCallRollupAllDay"("errorGroup", "errorCode", "httpStatus", "operation", "day");

-- Backfill: each level summed over the sales units from the same level per unit (every level is exact).
INSERT INTO "ApiCallRollupAll" ("minute", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "msns")
SELECT "minute", "environment", "operation", "httpStatus", "errorGroup", "errorCode", sum("calls"), sum("durationSumMs"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"),
  array_agg(DISTINCT "msn" ORDER BY "msn")
FROM "ApiCallRollup"
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "ApiCallRollupAllHour" ("hour", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "msns", "firstMinute", "lastMinute")
SELECT "hour", "environment", "operation", "httpStatus", "errorGroup", "errorCode", sum("calls"), sum("durationSumMs"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"),
  array_agg(DISTINCT "msn" ORDER BY "msn"), min("firstMinute"), max("lastMinute")
FROM "ApiCallRollupHour"
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "ApiCallRollupAllDay" ("day", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "msns", "firstMinute", "lastMinute")
SELECT "day", "environment", "operation", "httpStatus", "errorGroup", "errorCode", sum("calls"), sum("durationSumMs"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"),
  array_agg(DISTINCT "msn" ORDER BY "msn"), min("firstMinute"), max("lastMinute")
FROM "ApiCallRollupDay"
GROUP BY 1, 2, 3, 4, 5, 6;
