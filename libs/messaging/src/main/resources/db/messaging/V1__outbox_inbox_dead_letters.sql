-- The messaging tables of one service, in their own schema and migration history so they never
-- collide with the service's own migrations.

-- Events written in the same transaction as the state change they describe; the relay publishes them.
create table outbox (
    id          bigserial    primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    event_key   varchar(200) not null,
    -- the relay claims shards, not rows: one relay at a time per shard keeps each key's events in order
    shard       smallint     not null,
    envelope    text         not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz
);
create index outbox_unsent on outbox (shard, id) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;

create table outbox_shard (
    shard smallint primary key
);
insert into outbox_shard (shard) select generate_series(0, 15);

-- Events a consumer has applied; written in the same transaction as the effect.
create table inbox (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_processed on inbox (processed_at);

-- Events a consumer gave up on after its retries: listed for operators, replayable.
create table dead_letter (
    id             uuid          primary key,
    consumer       varchar(100)  not null,
    topic          varchar(200)  not null,
    kafka_partition int          not null,
    kafka_offset   bigint        not null,
    record_key     varchar(200),
    event_id       uuid,
    event_type     varchar(100),
    payload        text          not null,
    error          text          not null,
    failed_at      timestamptz   not null default now(),
    replayed_at    timestamptz,
    unique (consumer, topic, kafka_partition, kafka_offset)
);
create index dead_letter_open on dead_letter (failed_at) where replayed_at is null;
