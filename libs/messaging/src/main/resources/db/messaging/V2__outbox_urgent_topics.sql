-- Rows of urgent topics (Topics.isUrgent: notification.requests, carrying SMS codes a candidate waits for,
-- ACC-6) are published before the backlog of other topics, e.g. a 200,000-row roster import.
-- Outbox.publish sets the flag from the topic; the partial index keeps finding them cheap however many
-- other rows wait.

-- a constant default: PostgreSQL adds the column without rewriting the table
alter table outbox add column urgent boolean not null default false;

-- rows waiting during the upgrade are flagged like the new ones, so a newer SMS row cannot overtake an
-- older one of the same key; sent rows never matter again.
update outbox set urgent = true where sent_at is null and topic = 'notification.requests';

create index outbox_unsent_urgent on outbox (shard, id) where sent_at is null and urgent;

-- The rest of a batch: without this index the relay walked the primary key from the oldest row and skipped
-- every sent row kept for inspection (7 days) on each batch: 26-280 ms per batch of 500 with 100,000 sent
-- rows, against 0.2-2 ms with it (measured with EXPLAIN ANALYZE on the test kit's PostgreSQL).
create index outbox_unsent_bulk on outbox (id) where sent_at is null and not urgent;
