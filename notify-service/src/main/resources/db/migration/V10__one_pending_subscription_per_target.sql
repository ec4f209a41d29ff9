-- One pending subscription per target (channel + endpoint): re-subscribing returns the pending one, so that nobody can
-- make us send a mail or a GET per request. Older duplicates are kept; newer ones are disabled.
UPDATE subscription s
   SET status = 'disabled', status_reason = 'superseded by an earlier pending subscription of the same endpoint',
       updated_at = now()
 WHERE s.status = 'pending'
   AND EXISTS (SELECT 1 FROM subscription o
                WHERE o.status = 'pending' AND o.channel = s.channel AND o.endpoint = s.endpoint
                  AND (o.created_at, o.id) < (s.created_at, s.id));
CREATE UNIQUE INDEX subscription_one_pending_per_target ON subscription (channel, md5(endpoint)) WHERE status = 'pending';

-- When the last confirmation mail went out (at most one per address per window).
ALTER TABLE subscription ADD COLUMN confirmation_sent_at timestamptz;
-- Re-verification of pending webhooks backs off: failed attempts so far and when the next one is due.
ALTER TABLE subscription ADD COLUMN verify_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE subscription ADD COLUMN next_verify_at timestamptz;
DROP INDEX subscription_pending_webhook;
CREATE INDEX subscription_pending_webhook ON subscription (next_verify_at NULLS FIRST, created_at)
    WHERE status = 'pending' AND channel = 'webhook';
