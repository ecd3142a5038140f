-- Webhook deliveries leave the job queue. A delivery was a job, run inside the job's transaction:
-- a receiver that never answered held a database transaction and a worker slot for its whole
-- timeout, and enough of them (any organisation's) held every slot, so no deadline, reminder or
-- notice of any organisation ran. Now a delivery is claimed with a short lease, POSTed outside
-- any transaction by workers of its own, with a cap per organisation, and its answer recorded in
-- another short transaction. Receivers drop repeats by Concord-Delivery (a lease that runs out
-- mid-POST, after a crash, means the delivery may be sent again).

ALTER TABLE webhook_deliveries
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- While a worker is POSTing it: until when, and which instance. An expired lease is free again.
  ADD COLUMN leased_until    timestamptz,
  ADD COLUMN leased_by       text CHECK (length(leased_by) <= 200),
  -- Set when the attempts ran out, or the webhook was stopped: never tried again.
  ADD COLUMN gave_up_at      timestamptz;

UPDATE webhook_deliveries SET last_error = left(last_error, 500) WHERE length(last_error) > 500;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_last_error_length CHECK (length(last_error) <= 500);

UPDATE webhook_deliveries SET gave_up_at = clock_timestamp() WHERE delivered_at IS NULL AND attempts >= 10;
UPDATE webhook_deliveries d SET gave_up_at = clock_timestamp()
FROM webhooks w WHERE w.id = d.webhook_id AND w.disabled_at IS NOT NULL AND d.delivered_at IS NULL AND d.gave_up_at IS NULL;
-- Those still to be tried are due now: their jobs (and their retries' jobs) go.
DELETE FROM jobs WHERE kind = 'webhook.deliver';

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
  WHERE delivered_at IS NULL AND gave_up_at IS NULL;
-- In flight per organisation: counted at every claim.
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (webhook_id, leased_until)
  WHERE leased_until IS NOT NULL;

-- (NOT VALID: a longer address subscribed before this limit keeps working; new ones are checked.)
ALTER TABLE webhooks ADD CONSTRAINT webhooks_url_length CHECK (length(url) <= 2000) NOT VALID;

-- Wake the delivery workers of every instance when deliveries are added (not per row).
CREATE FUNCTION notify_webhook_deliveries_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM added) THEN
    PERFORM pg_notify('concord_webhooks', '');
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER webhook_deliveries_added AFTER INSERT ON webhook_deliveries REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION notify_webhook_deliveries_added();
