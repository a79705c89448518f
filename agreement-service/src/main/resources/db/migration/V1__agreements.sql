-- Parties of agreements: the provider itself, external customers, internal departments and suppliers
create table party (
    id          uuid primary key,
    kind        varchar(16)  not null,
    name        varchar(200) not null,
    row_version bigint       not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- How source systems name a party; one reference names one party only
create table party_external_ref (
    party_id    uuid         not null references party (id) on delete cascade,
    source      varchar(100) not null,
    external_id varchar(200) not null,
    primary key (source, external_id)
);
create index party_external_ref_party on party_external_ref (party_id);

create table catalogue_service (
    id          uuid primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    description varchar(2000),
    row_version bigint       not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- Business calendars in the libs/business-time JSON shape (spec)
create table business_calendar (
    id             varchar(64) primary key,
    name           varchar(200) not null,
    spec           text         not null,
    effective_from timestamptz  not null,
    row_version    bigint       not null default 0,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table agreement (
    id                   uuid primary key,
    type                 varchar(8)   not null,
    status               varchar(16)  not null,
    name                 varchar(200) not null,
    provider_party_id    uuid         not null references party (id),
    customer_party_id    uuid         not null references party (id),
    parent_agreement_id  uuid references agreement (id),
    current_version      integer      not null,
    effective_to         timestamptz,
    activation_scheduled boolean      not null default false,
    status_reason        varchar(2000),
    ended_at             timestamptz,
    row_version          bigint       not null default 0,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
create index agreement_status on agreement (status);
create index agreement_provider on agreement (provider_party_id);
create index agreement_customer on agreement (customer_party_id);

-- Immutable versions: the terms as posted (JSON), from when they apply
create table agreement_version (
    id             bigint generated always as identity primary key,
    agreement_id   uuid        not null references agreement (id) on delete cascade,
    version        integer     not null,
    terms          text        not null,
    effective_from timestamptz,
    created_at     timestamptz not null,
    created_by     varchar(200) not null,
    unique (agreement_id, version)
);

-- The calendars and services the agreement's latest version uses, to refuse deleting them
create table agreement_calendar (
    agreement_id uuid        not null references agreement (id) on delete cascade,
    calendar_id  varchar(64) not null,
    primary key (agreement_id, calendar_id)
);
create index agreement_calendar_calendar on agreement_calendar (calendar_id);

create table agreement_service (
    agreement_id uuid        not null references agreement (id) on delete cascade,
    service_code varchar(64) not null,
    primary key (agreement_id, service_code)
);

-- Append-only audit trail: who changed what, when
create table audit_entry (
    id           bigint generated always as identity primary key,
    subject_type varchar(32)  not null,
    subject_id   varchar(64)  not null,
    action       varchar(32)  not null,
    actor        varchar(200) not null,
    occurred_at  timestamptz  not null,
    detail       text
);
create index audit_entry_subject on audit_entry (subject_type, subject_id, id);
