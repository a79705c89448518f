-- The test agreement copy: one row per agreement version, with how many times an event was applied to it.
create table test_agreement_copy (
    agreement_id uuid         not null,
    version      int          not null,
    status       varchar(20)  not null,
    applications int          not null default 0,
    primary key (agreement_id, version)
);

-- The calendar changes the test copy applied, one row per change applied.
create table test_calendar_change (
    id          bigserial    primary key,
    calendar_id varchar(200) not null
);
