-- The W3C traceparent of the notify-service span that fanned the issue out: relayed deliveries and retries made
-- from the database (on any replica, after a restart) continue the trace of the issue's publication with it.
ALTER TABLE alert ADD COLUMN traceparent text;
