-- penalty-service: its copy of agreement versions, the clocks, incidents and measurements statements are computed
-- from, and the statements with their revisions and adjustments.

create table agreement_version (
    agreement_id       uuid        not null,
    version            integer     not null,
    customer_party_id  uuid,
    status             varchar(20) not null,
    occurred_at        timestamptz not null,
    body               text        not null,
    received_at        timestamptz not null default now(),
    primary key (agreement_id, version)
);

-- The latest state of each clock cycle; a revision replaces it.
create table clock_fact (
    clock_id           uuid        primary key,
    revision           integer     not null,
    agreement_id       uuid        not null,
    agreement_version  integer     not null,
    objective_key      varchar(100) not null,
    priority           varchar(2),
    outcome            varchar(20) not null,
    decided_at         timestamptz,
    item_source        varchar(100),
    item_external_id   varchar(200),
    body               text        not null,
    updated_at         timestamptz not null
);
create index clock_fact_agreement_decided on clock_fact (agreement_id, decided_at);

create table clock_exclusion (
    id                 uuid        primary key,
    clock_id           uuid        not null unique,
    agreement_id       uuid        not null,
    reason             varchar(40) not null,
    note               varchar(2000),
    author             varchar(200) not null,
    created_at         timestamptz not null
);
create index clock_exclusion_agreement on clock_exclusion (agreement_id);

create table incident (
    id                 uuid        primary key,
    service            varchar(100) not null,
    started_at         timestamptz not null,
    ended_at           timestamptz,
    planned            boolean     not null,
    source             varchar(100) not null,
    -- Alertmanager: fingerprint@startsAt, so a firing and its resolution update one incident
    source_ref         varchar(300),
    summary            varchar(2000),
    created_by         varchar(200) not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint incident_source_ref unique (source, source_ref),
    constraint incident_ends_after_start check (ended_at is null or ended_at >= started_at)
);
create index incident_service_time on incident (service, started_at);

create table measurement (
    id                 uuid        primary key,
    agreement_id       uuid        not null,
    measure            varchar(100) not null,
    value              numeric(19, 4) not null,
    period             varchar(7),
    measured_at        timestamptz,
    source             varchar(200),
    created_by         varchar(200) not null,
    created_at         timestamptz not null,
    constraint measurement_period_or_instant check ((period is null) <> (measured_at is null))
);
create index measurement_agreement on measurement (agreement_id, measure);

create table statement (
    id                 uuid        primary key,
    agreement_id       uuid        not null,
    period             varchar(7)  not null,
    period_start       timestamptz not null,
    period_end         timestamptz not null,
    status             varchar(10) not null,
    revision           integer     not null,
    -- frozen calculation of a closed statement (StatementResult JSON); null while open
    body               text,
    total_amount       numeric(19, 4),
    currency           varchar(3),
    closed_at          timestamptz,
    closed_by          varchar(200),
    dirty_since        timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    lock_version       bigint      not null default 0,
    constraint statement_agreement_period unique (agreement_id, period)
);
create index statement_open_dirty on statement (dirty_since) where dirty_since is not null;

create table statement_revision (
    id                 uuid        primary key,
    statement_id       uuid        not null references statement (id),
    revision           integer     not null,
    cause              varchar(200) not null,
    author             varchar(200) not null,
    body               text        not null,
    total_amount       numeric(19, 4) not null,
    currency           varchar(3)  not null,
    created_at         timestamptz not null,
    constraint statement_revision_number unique (statement_id, revision)
);

create table adjustment (
    id                 uuid        primary key,
    statement_id       uuid        not null references statement (id),
    kind               varchar(20) not null,
    status             varchar(20) not null,
    amount             numeric(19, 4) not null,
    currency           varchar(3)  not null,
    waiver             boolean     not null default false,
    reason             varchar(2000) not null,
    author             varchar(200) not null,
    created_at         timestamptz not null,
    decided_by         varchar(200),
    decided_at         timestamptz,
    -- a recalculation carries the recomputed StatementResult JSON it would install
    body               text,
    applied_revision   integer
);
create index adjustment_statement on adjustment (statement_id, status);
