-- The tamper-evident audit log (docs/adr/0004-audit-log.md). Every write, and every read of
-- restricted data, appends one entry in the same transaction as the change. Entries form a hash
-- chain: each entry's hash is SHA-256 over a canonical JSON encoding of its fields and the
-- previous entry's hash, computed by src/domain/audit.ts (not here: one encoder, in one place).
--
-- The triggers below make the log append-only for everyone who goes through PostgreSQL's rules.
-- They do NOT stop a superuser, or the tables' owner, who can disable triggers
-- (ALTER TABLE … DISABLE TRIGGER USER, SET session_replication_role = replica) and rewrite the
-- log, re-hashing it so the chain is consistent again. That is exactly why Concord publishes
-- heads signed with an Ed25519 key kept OUTSIDE the database (audit_heads, `concord audit head`):
-- a copy of a signed head stored elsewhere exposes any rewrite of the entries it covers.

-- The end of the chain: one row, the last entry's id and hash (id 0 and 32 zero bytes while the
-- log is empty). An appender locks this row (SELECT … FOR UPDATE) before computing its entry's
-- hash and holds the lock until it commits or rolls back, so appends serialise in commit order:
-- two transactions can neither fork the chain nor leave a gap (ids come from here, not from a
-- sequence, so a rolled-back append gives its id back).
CREATE TABLE audit_chain_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id   bigint NOT NULL CHECK (last_id >= 0),
  last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, repeat('0', 64));

CREATE TABLE audit_log (
  id            bigint PRIMARY KEY CHECK (id > 0),
  -- When the entry was appended (database clock, millisecond precision so that it survives the
  -- round trip through JavaScript unchanged). Informational: the order is the id's.
  at            timestamptz NOT NULL,
  -- Who acted: an account id, or 'system' / 'cli'.
  actor         text NOT NULL CHECK (actor <> ''),
  -- For whom, when acting under a delegation (e.g. the delegation's state code).
  on_behalf_of  text CHECK (on_behalf_of <> ''),
  -- What: 'relation.create', 'account.read', …
  action        text NOT NULL CHECK (action <> ''),
  object_type   text NOT NULL CHECK (object_type <> ''),
  object_id     text,
  -- The state before and after a write (null for a create, a delete or a read), and anything
  -- else worth keeping (the query of a read, the reason of a change).
  before        jsonb,
  after         jsonb,
  details       jsonb,
  -- Lower-case hex SHA-256: readable in psql, in JSON and on the command line alike.
  previous_hash text NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
  hash          text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- Refuses anything but appending. Statement-level and BEFORE, so that even a statement that
-- would touch no row is refused: nobody should be writing such statements.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Entries are never changed or removed; a correction is a new entry.';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- An entry must extend the chain: the next id, and the last entry's hash as its previous hash.
-- appendAudit does this already; checking it here too means no code path (a bug, a hand-written
-- INSERT) can fork the chain or skip an id. It also moves the chain head along.
CREATE FUNCTION audit_log_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO head FROM audit_chain_head FOR UPDATE;
  IF NEW.id <> head.last_id + 1 OR NEW.previous_hash <> head.last_hash THEN
    RAISE EXCEPTION 'audit log entry % does not extend the chain, whose last entry is % (hash %)',
      NEW.id, head.last_id, head.last_hash
      USING ERRCODE = 'check_violation';
  END IF;
  UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_extend_chain();

-- The chain head moves only when an entry is appended, i.e. from inside the trigger above
-- (trigger depth 2); a direct UPDATE (depth 1), a DELETE, a TRUNCATE or a second row is refused.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: its chain head moves only when an entry is appended (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_chain_head_guarded BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Signed heads: (entry id, hash, time) signed with the instance's Ed25519 key. Kept here so the
-- database can check itself against what it published, and printed by `concord audit head` for
-- others to keep: only a copy kept elsewhere protects against someone who can rewrite this table.
CREATE TABLE audit_heads (
  id              bigserial PRIMARY KEY,
  -- 0 with the zero hash: the head of the empty log.
  entry_id        bigint NOT NULL CHECK (entry_id >= 0),
  hash            text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- Exactly the string that was signed (ISO 8601, UTC), so the signature can be checked again.
  signed_at       text NOT NULL,
  -- Base64 of the Ed25519 signature, and of the public key (SPKI, DER) that checks it.
  signature       text NOT NULL,
  public_key      text NOT NULL,
  -- Lower-case hex SHA-256 of the public key (SPKI, DER): which key signed, at a glance.
  key_fingerprint text NOT NULL CHECK (key_fingerprint ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_heads_entry ON audit_heads (entry_id);

CREATE TRIGGER audit_heads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_heads
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
