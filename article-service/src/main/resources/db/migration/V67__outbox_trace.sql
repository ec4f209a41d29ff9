-- The W3C traceparent of the request that wrote an outbox row: the relay sends the row later, from another thread,
-- and continues that trace, so that an issue's publication and its announcement share one trace id.
alter table outbox add column trace_parent varchar(128);
