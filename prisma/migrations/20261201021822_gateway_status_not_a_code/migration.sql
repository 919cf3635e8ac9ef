-- Our eCom client used to file a gateway answer's HTTP status as its error code ({"statusCode":401,
-- "message":…} became errorCode "401"); shops sending their calls could do the same. The status is no
-- code of its own: such calls now carry none (lib/ecom/errors.ts, lib/api-log/writer.ts), and the
-- rows logged before are cleared the same way here.
UPDATE "ApiCallLog" SET "errorCode" = NULL
WHERE "errorGroup" IS NULL AND "errorCode" = "httpStatus"::text;

-- The rollups outlive the raw calls (13 months against 30 days), so they are not rebuilt from them:
-- each level's rows with such a code are added into the row of the same key without a code (every
-- level is a plain sum, so this is exact), then deleted.

INSERT INTO "ApiCallRollup" ("minute", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11")
SELECT "minute", "msn", "environment", "operation", "httpStatus", "errorGroup", '', "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11"
FROM "ApiCallRollup" WHERE "errorGroup" = '' AND "errorCode" = "httpStatus"::text
ON CONFLICT ("minute", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode") DO UPDATE SET "calls" = "ApiCallRollup"."calls" + EXCLUDED."calls", "durationSumMs" = "ApiCallRollup"."durationSumMs" + EXCLUDED."durationSumMs", "l0" = "ApiCallRollup"."l0" + EXCLUDED."l0", "l1" = "ApiCallRollup"."l1" + EXCLUDED."l1", "l2" = "ApiCallRollup"."l2" + EXCLUDED."l2", "l3" = "ApiCallRollup"."l3" + EXCLUDED."l3", "l4" = "ApiCallRollup"."l4" + EXCLUDED."l4", "l5" = "ApiCallRollup"."l5" + EXCLUDED."l5", "l6" = "ApiCallRollup"."l6" + EXCLUDED."l6", "l7" = "ApiCallRollup"."l7" + EXCLUDED."l7", "l8" = "ApiCallRollup"."l8" + EXCLUDED."l8", "l9" = "ApiCallRollup"."l9" + EXCLUDED."l9", "l10" = "ApiCallRollup"."l10" + EXCLUDED."l10", "l11" = "ApiCallRollup"."l11" + EXCLUDED."l11";
DELETE FROM "ApiCallRollup" WHERE "errorGroup" = '' AND "errorCode" = "httpStatus"::text;

INSERT INTO "ApiCallRollupHour" ("hour", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "firstMinute", "lastMinute")
SELECT "hour", "msn", "environment", "operation", "httpStatus", "errorGroup", '', "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "firstMinute", "lastMinute"
FROM "ApiCallRollupHour" WHERE "errorGroup" = '' AND "errorCode" = "httpStatus"::text
ON CONFLICT ("hour", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode") DO UPDATE SET "calls" = "ApiCallRollupHour"."calls" + EXCLUDED."calls", "durationSumMs" = "ApiCallRollupHour"."durationSumMs" + EXCLUDED."durationSumMs", "l0" = "ApiCallRollupHour"."l0" + EXCLUDED."l0", "l1" = "ApiCallRollupHour"."l1" + EXCLUDED."l1", "l2" = "ApiCallRollupHour"."l2" + EXCLUDED."l2", "l3" = "ApiCallRollupHour"."l3" + EXCLUDED."l3", "l4" = "ApiCallRollupHour"."l4" + EXCLUDED."l4", "l5" = "ApiCallRollupHour"."l5" + EXCLUDED."l5", "l6" = "ApiCallRollupHour"."l6" + EXCLUDED."l6", "l7" = "ApiCallRollupHour"."l7" + EXCLUDED."l7", "l8" = "ApiCallRollupHour"."l8" + EXCLUDED."l8", "l9" = "ApiCallRollupHour"."l9" + EXCLUDED."l9", "l10" = "ApiCallRollupHour"."l10" + EXCLUDED."l10", "l11" = "ApiCallRollupHour"."l11" + EXCLUDED."l11", "firstMinute" = LEAST("ApiCallRollupHour"."firstMinute", EXCLUDED."firstMinute"), "lastMinute" = GREATEST("ApiCallRollupHour"."lastMinute", EXCLUDED."lastMinute");
DELETE FROM "ApiCallRollupHour" WHERE "errorGroup" = '' AND "errorCode" = "httpStatus"::text;

INSERT INTO "ApiCallRollupDay" ("day", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "firstMinute", "lastMinute")
SELECT "day", "msn", "environment", "operation", "httpStatus", "errorGroup", '', "calls", "durationSumMs", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "firstMinute", "lastMinute"
FROM "ApiCallRollupDay" WHERE "errorGroup" = '' AND "errorCode" = "httpStatus"::text
ON CONFLICT ("day", "msn", "environment", "operation", "httpStatus", "errorGroup", "errorCode") DO UPDATE SET "calls" = "ApiCallRollupDay"."calls" + EXCLUDED."calls", "durationSumMs" = "ApiCallRollupDay"."durationSumMs" + EXCLUDED."durationSumMs", "l0" = "ApiCallRollupDay"."l0" + EXCLUDED."l0", "l1" = "ApiCallRollupDay"."l1" + EXCLUDED."l1", "l2" = "ApiCallRollupDay"."l2" + EXCLUDED."l2", "l3" = "ApiCallRollupDay"."l3" + EXCLUDED."l3", "l4" = "ApiCallRollupDay"."l4" + EXCLUDED."l4", "l5" = "ApiCallRollupDay"."l5" + EXCLUDED."l5", "l6" = "ApiCallRollupDay"."l6" + EXCLUDED."l6", "l7" = "ApiCallRollupDay"."l7" + EXCLUDED."l7", "l8" = "ApiCallRollupDay"."l8" + EXCLUDED."l8", "l9" = "ApiCallRollupDay"."l9" + EXCLUDED."l9", "l10" = "ApiCallRollupDay"."l10" + EXCLUDED."l10", "l11" = "ApiCallRollupDay"."l11" + EXCLUDED."l11", "firstMinute" = LEAST("ApiCallRollupDay"."firstMinute", EXCLUDED."firstMinute"), "lastMinute" = GREATEST("ApiCallRollupDay"."lastMinute", EXCLUDED."lastMinute");
DELETE FROM "ApiCallRollupDay" WHERE "errorGroup" = '' AND "errorCode" = "httpStatus"::text;
