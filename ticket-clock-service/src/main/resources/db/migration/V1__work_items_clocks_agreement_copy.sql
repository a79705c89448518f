-- A work item (ticket, lead) as its source knows it; the current attributes are the fold of its history.
create table work_item (
    id                 bigserial    primary key,
    source             varchar(100) not null,
    external_id        varchar(200) not null,
    item_type          varchar(50)  not null,
    customer_ref       varchar(200),
    customer_party_id  varchar(100),
    service_ref        varchar(200),
    site               varchar(100),
    channel            varchar(100),
    tags               text[]       not null default '{}',
    assignee_team_ref  varchar(200),
    supplier_ref       varchar(200),
    priority           varchar(2),
    priority_raw       varchar(100),
    status             varchar(30),
    status_raw         varchar(100),
    title              varchar(500),
    url                varchar(2000),
    -- occurredAt of the first CLOSED or DELETED: later events are refused
    terminal_at        timestamptz,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    constraint work_item_source_external_id unique (source, external_id)
);

create index work_item_customer on work_item (customer_party_id);

-- The item's history: every accepted event, raw and normalized values side by side.
create table work_item_event (
    id                 bigserial    primary key, -- also the arrival order
    item_id            bigint       not null references work_item (id),
    source             varchar(100) not null,
    event_id           varchar(200),
    natural_key        bytea        not null,
    event_type         varchar(30)  not null,
    occurred_at        timestamptz  not null,
    sequence           bigint,
    item_type          varchar(50)  not null,
    customer_ref       varchar(200),
    service_ref        varchar(200),
    site               varchar(100),
    channel            varchar(100),
    tags               text[],
    assignee_team_ref  varchar(200),
    supplier_ref       varchar(200),
    priority           varchar(2),
    priority_raw       varchar(100),
    status             varchar(30),
    status_raw         varchar(100),
    title              varchar(500),
    url                varchar(2000),
    received_at        timestamptz  not null default now()
);

-- Dedup: the same source event id, or the same natural key (source, item, type, occurredAt, status, priority, payload hash)
create unique index work_item_event_source_event_id on work_item_event (source, event_id) where event_id is not null;
create unique index work_item_event_natural_key on work_item_event (natural_key);
create index work_item_event_history on work_item_event (item_id, occurred_at, sequence, id);

-- The clocks projection: what the engine computed last for each clock cycle, as of computed_at.
create table clock (
    clock_id           uuid         primary key,
    item_id            bigint       not null references work_item (id),
    agreement_id       uuid         not null,
    agreement_version  integer      not null,
    objective_key      varchar(100) not null,
    metric             varchar(20)  not null,
    cycle              integer      not null,
    -- 0, then +1 each time a published breach or completion is changed (clock.revised)
    revision           integer      not null default 0,
    phase              varchar(10)  not null,
    outcome            varchar(10)  not null,
    priority           varchar(2),
    target_ms          bigint,
    elapsed_ms         bigint       not null,
    remaining_ms       bigint       not null,
    overrun_ms         bigint       not null,
    -- the instant elapsed and remaining were computed at: a running clock keeps accruing after it
    computed_at        timestamptz  not null,
    started_at         timestamptz,
    opened_at          timestamptz,
    phase_since        timestamptz,
    deadline           timestamptz,
    breached_at        timestamptz,
    completed_at       timestamptz,
    cancelled_at       timestamptz,
    cancel_reason      varchar(40),
    zone               varchar(64),
    -- thresholds crossed in this cycle (percent), in order
    warnings_fired     integer[]    not null default '{}',
    -- the next warning or breach instant of a running clock: the deadline index
    next_fire_at       timestamptz,
    updated_at         timestamptz  not null default now()
);

create index clock_item on clock (item_id);
-- The deadline index: only running clocks with something due are scanned by the scheduler
create index clock_due on clock (next_fire_at) where phase = 'RUNNING' and next_fire_at is not null;
create index clock_deadline on clock (deadline, clock_id);
create index clock_agreement on clock (agreement_id);

-- One row per published fact of a clock (started, warning:75:1, breached:0, completed:1, revised:2), with the id
-- of the event that told it:
-- the primary key makes a second emission of the same fact impossible, whoever tries it.
create table clock_fact (
    clock_id     uuid         not null references clock (clock_id),
    fact         varchar(50)  not null,
    event_id     uuid         not null,
    recorded_at  timestamptz  not null default now(),
    primary key (clock_id, fact)
);

-- The copy of agreement-service's versions, fed by agreement.* events and the snapshot; highest version wins.
create table agreement_version (
    agreement_id   uuid         not null,
    version        integer      not null,
    status         varchar(20)  not null,
    document       jsonb        not null,
    received_at    timestamptz  not null default now(),
    primary key (agreement_id, version)
);

-- Calendars changed after the versions that embed them were published (calendar.changed), from effective_from on.
create table business_calendar (
    calendar_id    varchar(100) not null,
    effective_from timestamptz  not null,
    document       jsonb        not null,
    received_at    timestamptz  not null default now(),
    primary key (calendar_id, effective_from)
);

-- When each agreement was suspended, resumed, terminated or expired: the engine pauses or cancels clocks from then.
create table agreement_state_change (
    agreement_id   uuid         not null,
    state          varchar(20)  not null,
    changed_at     timestamptz  not null,
    primary key (agreement_id, changed_at, state)
);

-- Bumped by every change to the copy, so each replica knows when to reload its in-memory view of it.
create table agreement_copy_revision (
    id        integer primary key check (id = 1),
    revision  bigint  not null
);
insert into agreement_copy_revision (id, revision) values (1, 0);

-- Items whose result changes at a known instant without a clock being due (a deferred event, an amendment
-- taking effect later): the scheduler recomputes them then.
alter table work_item add column recompute_at timestamptz;
create index work_item_recompute on work_item (recompute_at) where recompute_at is not null;
