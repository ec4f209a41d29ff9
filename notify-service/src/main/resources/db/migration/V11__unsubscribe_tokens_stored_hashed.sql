-- Unsubscribe tokens are no longer stored in clear: the lookup goes by their SHA-256 hash, and the copy that alert
-- mails need is sealed like webhook secrets (AES-256-GCM "v1:..."). Existing rows keep their token (links already in
-- mailboxes go on working): hashed here, and sealed as "plain:..." until notify-service, started with its key,
-- re-seals every "plain:" value (SecretResealer) at start.
ALTER TABLE subscription ADD COLUMN unsubscribe_token_hash bytea;
ALTER TABLE subscription ADD COLUMN unsubscribe_token_sealed text;
UPDATE subscription
   SET unsubscribe_token_hash = sha256(convert_to(unsubscribe_token, 'UTF8')),
       unsubscribe_token_sealed = 'plain:' || unsubscribe_token;
ALTER TABLE subscription ALTER COLUMN unsubscribe_token_hash SET NOT NULL;
ALTER TABLE subscription ALTER COLUMN unsubscribe_token_sealed SET NOT NULL;
CREATE UNIQUE INDEX subscription_unsubscribe_token_hash ON subscription (unsubscribe_token_hash);
ALTER TABLE subscription DROP COLUMN unsubscribe_token;
-- Rows whose secrets still wait for encryption (found at start without a scan of the whole table).
CREATE INDEX subscription_plain_secrets ON subscription (id)
    WHERE secret LIKE 'plain:%' OR unsubscribe_token_sealed LIKE 'plain:%';
