-- notification-service's own tables; the platform's outbox and processed_event come from db/platform (V0_x).

-- The copy of every agreement version seen in agreement.* events or the snapshot (escalation policy and calendars
-- are read from body); the highest version of an agreement is the one in force for escalations.
create table agreement_copy (
    agreement_id   uuid        not null,
    version        integer     not null,
    status         varchar(20) not null,
    name           varchar(300),
    body           jsonb       not null,
    received_at    timestamptz not null default now(),
    primary key (agreement_id, version)
);

-- Slack, Teams and signed-webhook destinations; url and secret are AES-GCM ciphertexts, never returned.
create table channel (
    id               varchar(64)  primary key,
    kind             varchar(20)  not null,
    name             varchar(200) not null,
    enabled          boolean      not null default true,
    url_cipher       text,
    secret_cipher    text,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);

-- What the service knows of each clock it escalates: latest revision, breach, end, and the event reminders repeat.
create table escalation (
    clock_id           uuid        primary key,
    agreement_id       uuid        not null,
    customer_party_id  uuid,
    revision           integer     not null,
    outcome            varchar(20) not null,
    breached_at        timestamptz,
    ended_at           timestamptz,
    breach_event       jsonb,
    updated_at         timestamptz not null
);

create table acknowledgement (
    clock_id         uuid          primary key references escalation (clock_id),
    acknowledged_by  varchar(200)  not null,
    acknowledged_at  timestamptz   not null,
    note             varchar(1000)
);

-- AFTER_BREACH levels: one durable row per (clock, level), claimed by the reminder scheduler with SKIP LOCKED.
create table reminder (
    clock_id      uuid         not null references escalation (clock_id),
    level         integer      not null,
    agreement_id  uuid         not null,
    status        varchar(20)  not null,
    next_at       timestamptz  not null,
    repeat_every  varchar(40),
    sent_count    integer      not null default 0,
    stop_reason   varchar(40),
    updated_at    timestamptz  not null,
    primary key (clock_id, level)
);
create index reminder_due on reminder (next_at) where status = 'ACTIVE';

-- One row per (event, level, recipient): the unit of "delivered once".
create table delivery (
    id                 uuid          primary key,
    event_id           uuid          not null,
    event_type         varchar(100)  not null,
    message_kind       varchar(20)   not null,
    level              integer       not null,
    recipient_key      varchar(330)  not null,
    channel_kind       varchar(20),  -- null until the named channel exists
    recipient          varchar(320)  not null,
    locale             varchar(10)   not null,
    zone               varchar(64)   not null,
    clock_id           uuid,
    agreement_id       uuid          not null,
    customer_party_id  uuid,
    status             varchar(20)   not null,
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz,
    last_error         varchar(2000),
    cloud_event        jsonb         not null,
    created_at         timestamptz   not null,
    sent_at            timestamptz,
    updated_at         timestamptz   not null,
    constraint delivery_once unique (event_id, level, recipient_key)
);
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index delivery_clock on delivery (clock_id);
create index delivery_agreement on delivery (agreement_id, created_at);
