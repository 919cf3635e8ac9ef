-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" CHAR(64) NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- ---------------------------------------------------------------------------------------------------
-- Written by hand (Prisma does not describe functions or triggers): the audit trail becomes
-- append-only and tamper-evident. ARCHITECTURE.md "Audit" explains the design; lib/audit/chain.ts
-- checks it and must build exactly the text audit_log_hash() hashes.

-- No audit row may be written while the existing rows are linked (the script runs as one
-- transaction; ALTER TABLE above already holds this lock, this says so).
LOCK TABLE "AuditLog" IN ACCESS EXCLUSIVE MODE;

-- One field of the hashed text: a newline, then "<UTF-8 bytes>:<value>", or "~" for NULL. The length
-- prefix makes the text unambiguous whatever a value contains.
CREATE FUNCTION "audit_log_field"(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT E'\n' || CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END
$$;

-- A row's hash: hex sha256 over a version tag and its fields in a fixed order. `at` as epoch
-- milliseconds (the column holds milliseconds), `details` as jsonb's own text (normalised: key
-- order and spacing do not depend on what was sent), and the previous row's hash.
CREATE FUNCTION "audit_log_hash"(r "AuditLog") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    'merchant-ops/audit/v1'
      || audit_log_field(r."id"::text)
      || audit_log_field(((extract(epoch FROM r."at") * 1000)::bigint)::text)
      || audit_log_field(r."userId"::text)
      || audit_log_field(r."userEmail"::text)
      || audit_log_field(r."action"::text)
      || audit_log_field(r."outcome"::text)
      || audit_log_field(r."msn"::text)
      || audit_log_field(r."orderId"::text)
      || audit_log_field(r."details"::text)
      || audit_log_field(r."prevHash"::text),
    'UTF8')), 'hex')
$$;

-- Link the rows already there, in id order, from the genesis hash (64 zeros).
DO $$
DECLARE
  r "AuditLog";
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
    r."prevHash" := prev;
    prev := audit_log_hash(r);
    UPDATE "AuditLog" SET "prevHash" = r."prevHash", "hash" = prev WHERE "id" = r."id";
  END LOOP;
END
$$;

-- Every new row joins the chain. One chain for all app instances: the transaction-scoped advisory
-- lock (key 727100531, used for nothing else) makes inserts take turns until they commit, so the row
-- read as the tail is the last one committed. Its id is taken again when the sequence handed it out
-- before a row that committed first, so id order is chain order. READ COMMITTED only: a transaction
-- with an older snapshot would not see the tail it waited for, and would fork the chain.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tail_id bigint;
  tail_hash text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'AuditLog rows are written in READ COMMITTED transactions only (isolation is %)',
      current_setting('transaction_isolation')
      USING HINT = 'The hash chain must see the last committed row.';
  END IF;
  PERFORM pg_advisory_xact_lock(727100531);
  SELECT "id", "hash" INTO tail_id, tail_hash FROM "AuditLog" ORDER BY "id" DESC LIMIT 1;
  IF tail_id IS NOT NULL AND NEW."id" <= tail_id THEN
    NEW."id" := nextval(pg_get_serial_sequence('"AuditLog"', 'id'));
  END IF;
  NEW."prevHash" := COALESCE(tail_hash, repeat('0', 64));
  NEW."hash" := audit_log_hash(NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();

-- Append-only: changing or removing rows is refused, whoever asks (a superuser can still disable the
-- trigger; the hash chain shows what was changed then).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP
    USING HINT = 'Audit rows are never changed or removed.';
END
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
