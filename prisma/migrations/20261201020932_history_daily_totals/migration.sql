-- CreateTable
CREATE TABLE "PaymentDailyTotal" (
    "msn" VARCHAR(10) NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "reserved" BIGINT NOT NULL,
    "captured" BIGINT NOT NULL,
    "refunded" BIGINT NOT NULL,

    CONSTRAINT "PaymentDailyTotal_pkey" PRIMARY KEY ("msn","day","status")
);

-- CreateIndex
CREATE INDEX "PaymentDailyTotal_day_idx" ON "PaymentDailyTotal"("day");

-- CreateIndex
CREATE INDEX "Payment_createdAt_id_idx" ON "Payment"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Payment_amount_id_idx" ON "Payment"("amount", "id");

-- CreateIndex
CREATE INDEX "Payment_capturedAmount_id_idx" ON "Payment"("capturedAmount", "id");

-- CreateIndex
CREATE INDEX "Payment_refundedAmount_id_idx" ON "Payment"("refundedAmount", "id");

-- CreateIndex
CREATE INDEX "Payment_msn_capturedAmount_id_idx" ON "Payment"("msn", "capturedAmount", "id");

-- CreateIndex
CREATE INDEX "Payment_msn_refundedAmount_id_idx" ON "Payment"("msn", "refundedAmount", "id");

-- CreateIndex
CREATE INDEX "Payment_status_createdAt_idx" ON "Payment"("status", "createdAt" DESC);

-- ---------------------------------------------------------------------------------------------------
-- Written by hand (Prisma does not describe functions or triggers): PaymentDailyTotal follows every
-- change to Payment, whoever makes it (sync from Vipps, callbacks, ingest, CSV import, money
-- operations, seed, a psql session), because the database keeps it. ARCHITECTURE.md "History" has
-- the design; lib/payments/history/totals.ts reads it.

-- The Oslo calendar day of an instant: the day a person in Norway files a payment under.
CREATE FUNCTION "payment_oslo_day"(at timestamptz) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE 'Europe/Oslo')::date
$$;

-- One payment's share of its totals row, counted `sign` times (+1 as it is now, -1 as it was).
CREATE FUNCTION "payment_daily_delta"(p "Payment", sign integer) RETURNS "PaymentDailyTotal"
LANGUAGE sql STABLE AS $$
  SELECT ROW(p."msn", p."status", payment_oslo_day(p."createdAt"), sign, sign * p."amount"::bigint,
             sign * p."reservedAmount"::bigint, sign * p."capturedAmount"::bigint,
             sign * p."refundedAmount"::bigint)::"PaymentDailyTotal"
$$;

-- Adds shares to the totals, grouped by row, in (msn, day, status) order, so two statements never
-- take the same totals rows in opposite orders. Shares that cancel out write nothing.
CREATE FUNCTION "payment_daily_totals_add"(deltas "PaymentDailyTotal"[]) RETURNS void
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
    "refunded" = t."refunded" + excluded."refunded"
$$;

-- A statement's net change: the rows it wrote +1, the rows as they were -1. Statement triggers (one
-- per event: a trigger with transition tables fires on one event only) see every row the statement
-- changed, so a bulk insert is one grouped upsert, and an UPDATE that touched no counted column (the
-- reconciler's leases, a callback's poll hint) nets to nothing and writes nothing. The totals rows
-- stay locked until commit: writers of the same unit, status and day take turns at that point, as
-- they do for the audit chain. (PL/pgSQL plans a statement when it first runs it, so each trigger
-- only ever plans the branch whose transition tables it has.)
CREATE FUNCTION "payment_daily_totals_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM payment_daily_totals_add(ARRAY(SELECT payment_daily_delta(n, 1) FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM payment_daily_totals_add(ARRAY(
      SELECT payment_daily_delta(n, 1) FROM new_rows n
      UNION ALL
      SELECT payment_daily_delta(o, -1) FROM old_rows o));
  ELSE
    PERFORM payment_daily_totals_add(ARRAY(SELECT payment_daily_delta(o, -1) FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE fires no row or transition-table trigger; empty the totals with it.
CREATE FUNCTION "payment_daily_totals_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "PaymentDailyTotal";
  RETURN NULL;
END
$$;

CREATE TRIGGER "payment_daily_totals_insert" AFTER INSERT ON "Payment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_daily_totals_apply();
CREATE TRIGGER "payment_daily_totals_update" AFTER UPDATE ON "Payment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_daily_totals_apply();
CREATE TRIGGER "payment_daily_totals_delete" AFTER DELETE ON "Payment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_daily_totals_apply();
CREATE TRIGGER "payment_daily_totals_truncate" AFTER TRUNCATE ON "Payment"
  FOR EACH STATEMENT EXECUTE FUNCTION payment_daily_totals_truncate();

-- Recounts everything from Payment (the backfill below; a bulk load that ran with
-- session_replication_role = replica, which skips these triggers, calls it afterwards). Writers wait
-- meanwhile (SHARE lock), so the recount is exact.
CREATE FUNCTION "payment_daily_totals_rebuild"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Payment" IN SHARE MODE;
  DELETE FROM "PaymentDailyTotal";
  INSERT INTO "PaymentDailyTotal" ("msn", "status", "day", "count", "amount", "reserved", "captured", "refunded")
  SELECT "msn", "status", payment_oslo_day("createdAt"), count(*), sum("amount"), sum("reservedAmount"),
         sum("capturedAmount"), sum("refundedAmount")
  FROM "Payment"
  GROUP BY 1, 2, 3;
END
$$;

-- Backfill: the payments already there.
SELECT payment_daily_totals_rebuild();
