-- A source of work items (a helpdesk or CRM account) and how its payloads map to normalized events. The webhook
-- secret is not stored: secret_ref names the configuration entry that holds it.
create table source (
    id           varchar(100) primary key,
    provider     varchar(20)  not null,
    name         varchar(200),
    secret_ref   varchar(100) not null,
    item_type    varchar(50)  not null,
    -- raw status -> NEW|OPEN|PENDING_CUSTOMER|ON_HOLD|RESOLVED|CLOSED, raw priority -> P1..P4 (keys compared
    -- ignoring case), and the payload paths of each mapped field
    statuses     jsonb        not null,
    priorities   jsonb        not null,
    fields       jsonb        not null,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);

-- The unmatched view lists a source's events whose raw status or priority had no normalized value
create index work_item_event_unmapped on work_item_event (source, occurred_at)
    where (status_raw is not null and status is null) or (priority_raw is not null and priority is null);
