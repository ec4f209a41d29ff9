-- An outbox row the broker refuses for good (too large, invalid) is set aside with its reason instead of blocking
-- every later announcement: the relay skips rows with failed_at, operators see them (metric, issue's publish_error).
alter table outbox add column failed_at timestamptz;
alter table outbox add column failure text;
drop index outbox_unsent_idx;
create index outbox_unsent_idx on outbox (id) where sent_at is null and failed_at is null;
