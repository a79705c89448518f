-- Events written in the same transaction as the state they describe; the relay publishes them.
create table outbox (
    id              bigserial    primary key,
    event_id        uuid         not null unique,
    event_type      varchar(200) not null,
    routing_key     varchar(200) not null,
    subject         varchar(200),
    payload         text         not null,
    created_at      timestamptz  not null default now(),
    published_at    timestamptz,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text
);

create index outbox_pending on outbox (next_attempt_at, id) where published_at is null;

-- One row per (consumer, event) applied, written in the consumer's transaction: redeliveries find it and do nothing.
create table processed_event (
    consumer     varchar(200) not null,
    event_id     varchar(200) not null,
    event_type   varchar(200),
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
