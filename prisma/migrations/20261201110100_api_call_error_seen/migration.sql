-- CreateTable
CREATE TABLE "ApiCallErrorSeen" (
    "errorGroup" VARCHAR(40) NOT NULL,
    "errorCode" VARCHAR(40) NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "operation" VARCHAR(40) NOT NULL,
    "msn" VARCHAR(10) NOT NULL,
    "environment" "Environment" NOT NULL,
    "firstMinute" TIMESTAMPTZ(3) NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,
    "message" TEXT,

    CONSTRAINT "ApiCallErrorSeen_pkey" PRIMARY KEY ("errorGroup","errorCode","httpStatus","operation","msn","environment")
);

-- CreateIndex
CREATE INDEX "ApiCallErrorSeen_lastAt_idx" ON "ApiCallErrorSeen"("lastAt");

-- Backfill: each error key per unit from the daily rollups (first and last minute), the latest raw
-- call's time and message where the raw calls are still kept (the same order as the writer: time,
-- then the message in byte order).
INSERT INTO "ApiCallErrorSeen" ("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment", "firstMinute", "lastAt", "message")
SELECT d."errorGroup", d."errorCode", d."httpStatus", d."operation", d."msn", d."environment", d."firstMinute",
  coalesce(l."at", d."lastMinute"), l."message"
FROM (
  SELECT "errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment",
    min("firstMinute") AS "firstMinute", max("lastMinute") AS "lastMinute"
  FROM "ApiCallRollupDay"
  WHERE "httpStatus" = 0 OR "httpStatus" >= 400
  GROUP BY 1, 2, 3, 4, 5, 6
) AS d
LEFT JOIN (
  SELECT DISTINCT ON (1, 2, 3, 4, 5, 6) coalesce("errorGroup", '') AS "errorGroup", coalesce("errorCode", '') AS "errorCode",
    coalesce("httpStatus", 0) AS "httpStatus", "operation", coalesce("msn", '') AS "msn", "environment", "at",
    coalesce("errorMessage", "networkError") AS "message"
  FROM "ApiCallLog"
  WHERE "httpStatus" IS NULL OR "httpStatus" >= 400
  ORDER BY 1, 2, 3, 4, 5, 6, "at" DESC, coalesce("errorMessage", "networkError", '') COLLATE "C" DESC
) AS l USING ("errorGroup", "errorCode", "httpStatus", "operation", "msn", "environment")
ORDER BY 1, 2, 3, 4, 5, 6;
