-- The task list keeps each waiting step's process, so that read models can be rebuilt from it alone (rows of tasks
-- created before are filled in from the engine when first replayed: the engine's tables come after this script).
alter table bf_task add column process_key varchar(64);

-- The leadership dashboard's read model (领导驾驶舱): kept current by the events of the household, task list, funds
-- and handbook modules, in the transaction of each change; rebuilt from their feeds by one command. Team 0 is "no
-- team yet" in the counters, whose keys cannot be null.

-- each household as the dashboard counts it, and the keys it is counted under
create table bf_dash_household (
    household_id     bigint       primary key,
    head_name        varchar(50)  not null,
    street_id        bigint       not null,
    team_id          bigint       not null,
    stage            varchar(32)  not null,
    attribute        varchar(16)  not null,
    main_cause       varchar(32)  not null,
    last_visited_on  date,
    visit_due_by     date,
    review_due_on    date,
    assisted_since   date
);
create index bf_dash_household_street on bf_dash_household (street_id);
create index bf_dash_household_team on bf_dash_household (team_id);

-- how many households stand at each stage, of each class and main cause, per street and team
create table bf_dash_count (
    street_id   bigint       not null,
    team_id     bigint       not null,
    stage       varchar(32)  not null,
    attribute   varchar(16)  not null,
    main_cause  varchar(32)  not null,
    households  integer      not null,
    primary key (street_id, team_id, stage, attribute, main_cause)
);

-- how many households entered and left each stage on each day (the bureau's calendar day)
create table bf_dash_flow (
    flow_day     date         not null,
    street_id    bigint       not null,
    team_id      bigint       not null,
    stage        varchar(32)  not null,
    entered      integer      not null,
    departed     integer      not null,
    primary key (flow_day, street_id, team_id, stage)
);

-- the procedure's milestones per day: cases started, households filed, paired, not eligible, exited
create table bf_dash_milestone (
    milestone_day  date         not null,
    street_id      bigint       not null,
    team_id        bigint       not null,
    milestone      varchar(16)  not null,
    households     integer      not null,
    primary key (milestone_day, street_id, team_id, milestone)
);

-- households in assistance by the day their next visit and review fall due
create table bf_dash_due (
    due_kind     varchar(8)   not null,
    due_on       date         not null,
    street_id    bigint       not null,
    team_id      bigint       not null,
    households   integer      not null,
    primary key (due_kind, due_on, street_id, team_id),
    constraint bf_dash_due_kind check (due_kind in ('VISIT', 'REVIEW'))
);

-- exits proposed per day
create table bf_dash_exit (
    proposed_day  date     not null,
    street_id     bigint   not null,
    team_id       bigint   not null,
    proposed      integer  not null,
    primary key (proposed_day, street_id, team_id)
);

-- every step waiting now, with the household's street and team
create table bf_dash_step (
    task_id       varchar(64)  primary key,
    process_key   varchar(64)  not null,
    task_key      varchar(64)  not null,
    household_id  bigint       not null,
    street_id     bigint       not null,
    team_id       bigint       not null,
    created_at    timestamp with time zone not null,
    due_on        date         not null
);
create index bf_dash_step_process on bf_dash_step (process_key, task_key);
create index bf_dash_step_due on bf_dash_step (due_on);
create index bf_dash_step_household on bf_dash_step (household_id);

-- the funds ledger summed per year, month of entry, street, team and kind (fen)
create table bf_dash_money (
    budget_year  integer      not null,
    entry_month  date         not null,
    street_id    bigint       not null,
    team_id      bigint       not null,
    kind         varchar(16)  not null,
    amount_fen   bigint       not null,
    primary key (budget_year, entry_month, street_id, team_id, kind)
);

-- when the read model was last built from scratch, and how long that took
create table bf_dash_build (
    id           integer      primary key,
    built_at     timestamp with time zone not null,
    took_ms      bigint       not null
);
