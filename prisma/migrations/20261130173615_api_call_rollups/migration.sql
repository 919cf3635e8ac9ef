-- CreateTable
CREATE TABLE "ApiCallRollup" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
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

    CONSTRAINT "ApiCallRollup_pkey" PRIMARY KEY ("minute","msn","environment","operation","httpStatus","errorGroup","errorCode")
);

-- CreateIndex
CREATE INDEX "ApiCallRollup_msn_minute_idx" ON "ApiCallRollup"("msn", "minute");

-- Backfill: the calls logged before rollups existed, counted the way lib/api-log/rollups.ts counts.
INSERT INTO "ApiCallRollup" ("minute", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode",
  "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11")
SELECT date_trunc('minute', "at"), coalesce("msn", ''), "environment", "operation", coalesce("httpStatus", 0),
  coalesce("errorGroup", ''), coalesce("errorCode", ''), count(*), sum("durationMs"),
  count(*) FILTER (WHERE "durationMs" <= 10),
  count(*) FILTER (WHERE "durationMs" > 10 AND "durationMs" <= 25),
  count(*) FILTER (WHERE "durationMs" > 25 AND "durationMs" <= 50),
  count(*) FILTER (WHERE "durationMs" > 50 AND "durationMs" <= 100),
  count(*) FILTER (WHERE "durationMs" > 100 AND "durationMs" <= 200),
  count(*) FILTER (WHERE "durationMs" > 200 AND "durationMs" <= 400),
  count(*) FILTER (WHERE "durationMs" > 400 AND "durationMs" <= 800),
  count(*) FILTER (WHERE "durationMs" > 800 AND "durationMs" <= 1600),
  count(*) FILTER (WHERE "durationMs" > 1600 AND "durationMs" <= 3200),
  count(*) FILTER (WHERE "durationMs" > 3200 AND "durationMs" <= 6400),
  count(*) FILTER (WHERE "durationMs" > 6400 AND "durationMs" <= 12800),
  count(*) FILTER (WHERE "durationMs" > 12800)
FROM "ApiCallLog"
GROUP BY 1, 2, 3, 4, 5, 6, 7;
