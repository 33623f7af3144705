-- Issue 24 (traces and logs): the trace context of the transaction that stored the event, as a W3C traceparent
-- (00-<trace id>-<span id>-<flags>, 55 characters). The relay publishes the row in a span of that trace and puts
-- the span's context into the Kafka record's headers, so the consumer continues the journey's trace. Null for rows
-- written without tracing and for rows from before this column: those are published without a trace context.
-- No default: PostgreSQL adds a nullable column without rewriting the table.
alter table outbox add column trace_parent varchar(55);
