-- CreateTable
CREATE TABLE "PaymentMonthlyTotal" (
    "msn" VARCHAR(10) NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "month" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "reserved" BIGINT NOT NULL,
    "captured" BIGINT NOT NULL,
    "refunded" BIGINT NOT NULL,

    CONSTRAINT "PaymentMonthlyTotal_pkey" PRIMARY KEY ("msn","month","status")
);

-- CreateIndex
CREATE INDEX "PaymentMonthlyTotal_month_idx" ON "PaymentMonthlyTotal"("month");

-- ---------------------------------------------------------------------------------------------------
-- Written by hand: the monthly totals follow the daily ones in the same function, so every writer
-- keeps both (see 20261201020932_history_daily_totals). Rows are taken daily first, then monthly,
-- each in key order, so two statements never take the same totals rows in opposite orders.

CREATE OR REPLACE FUNCTION "payment_daily_totals_add"(deltas "PaymentDailyTotal"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "PaymentDailyTotal" AS t ("msn", "status", "day", "count", "amount", "reserved", "captured", "refunded")
  SELECT d."msn", d."status", d."day", sum(d."count"), sum(d."amount"), sum(d."reserved"), sum(d."captured"),
         sum(d."refunded")
  FROM unnest(deltas) AS d
  GROUP BY 1, 2, 3
  HAVING sum(d."count") <> 0 OR sum(d."amount") <> 0 OR sum(d."reserved") <> 0 OR sum(d."captured") <> 0
      OR sum(d."refunded") <> 0
  ORDER BY 1, 3, 2
  ON CONFLICT ("msn", "day", "status") DO UPDATE SET
    "count" = t."count" + excluded."count", "amount" = t."amount" + excluded."amount",
    "reserved" = t."reserved" + excluded."reserved", "captured" = t."captured" + excluded."captured",
    "refunded" = t."refunded" + excluded."refunded";
  INSERT INTO "PaymentMonthlyTotal" AS t ("msn", "status", "month", "count", "amount", "reserved", "captured", "refunded")
  SELECT d."msn", d."status", date_trunc('month', d."day")::date, sum(d."count"), sum(d."amount"),
         sum(d."reserved"), sum(d."captured"), sum(d."refunded")
  FROM unnest(deltas) AS d
  GROUP BY 1, 2, 3
  HAVING sum(d."count") <> 0 OR sum(d."amount") <> 0 OR sum(d."reserved") <> 0 OR sum(d."captured") <> 0
      OR sum(d."refunded") <> 0
  ORDER BY 1, 3, 2
  ON CONFLICT ("msn", "month", "status") DO UPDATE SET
    "count" = t."count" + excluded."count", "amount" = t."amount" + excluded."amount",
    "reserved" = t."reserved" + excluded."reserved", "captured" = t."captured" + excluded."captured",
    "refunded" = t."refunded" + excluded."refunded";
$$;

CREATE OR REPLACE FUNCTION "payment_daily_totals_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "PaymentDailyTotal";
  DELETE FROM "PaymentMonthlyTotal";
  RETURN NULL;
END
$$;

-- Recounts both from Payment; the months from the days just recounted.
CREATE OR REPLACE FUNCTION "payment_daily_totals_rebuild"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Payment" IN SHARE MODE;
  DELETE FROM "PaymentDailyTotal";
  DELETE FROM "PaymentMonthlyTotal";
  INSERT INTO "PaymentDailyTotal" ("msn", "status", "day", "count", "amount", "reserved", "captured", "refunded")
  SELECT "msn", "status", payment_oslo_day("createdAt"), count(*), sum("amount"), sum("reservedAmount"),
         sum("capturedAmount"), sum("refundedAmount")
  FROM "Payment"
  GROUP BY 1, 2, 3;
  INSERT INTO "PaymentMonthlyTotal" ("msn", "status", "month", "count", "amount", "reserved", "captured", "refunded")
  SELECT "msn", "status", date_trunc('month', "day")::date, sum("count"), sum("amount"), sum("reserved"),
         sum("captured"), sum("refunded")
  FROM "PaymentDailyTotal"
  GROUP BY 1, 2, 3;
END
$$;

-- Backfill: the months of the days already kept.
INSERT INTO "PaymentMonthlyTotal" ("msn", "status", "month", "count", "amount", "reserved", "captured", "refunded")
SELECT "msn", "status", date_trunc('month', "day")::date, sum("count"), sum("amount"), sum("reserved"),
       sum("captured"), sum("refunded")
FROM "PaymentDailyTotal"
GROUP BY 1, 2, 3;
