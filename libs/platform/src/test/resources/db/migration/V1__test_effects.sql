-- What the test consumer applied: one row per effect, to count them.
create table test_effect (
    id       bigserial    primary key,
    event_id varchar(200) not null,
    subject  varchar(200) not null
);
