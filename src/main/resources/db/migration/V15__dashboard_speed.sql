-- The dashboard at a million households (issue 16): the overview and the process map read counts, not every row.

-- steps waiting, counted per step, street, team and the day they fall due (rows that fall to zero are removed: due
-- days keep coming)
create table bf_dash_step_count (
    process_key  varchar(64)  not null,
    task_key     varchar(64)  not null,
    street_id    bigint       not null,
    team_id      bigint       not null,
    due_on       date         not null,
    waiting      integer      not null,
    primary key (process_key, task_key, street_id, team_id, due_on)
);

-- the stage flows and milestones again per month (its first day): a period reads its whole months here and only the
-- days before and after them from the daily tables
create table bf_dash_flow_month (
    flow_month   date         not null,
    street_id    bigint       not null,
    team_id      bigint       not null,
    stage        varchar(32)  not null,
    entered      integer      not null,
    departed     integer      not null,
    primary key (flow_month, street_id, team_id, stage)
);

create table bf_dash_milestone_month (
    milestone_month  date         not null,
    street_id        bigint       not null,
    team_id          bigint       not null,
    milestone        varchar(16)  not null,
    households       integer      not null,
    primary key (milestone_month, street_id, team_id, milestone)
);

-- a step's median wait: its waiting steps in order of waiting, street and team at hand to filter on
drop index bf_dash_step_process;
create index bf_dash_step_waiting on bf_dash_step (process_key, task_key, created_at, street_id, team_id);
-- the cases waiting longest
create index bf_dash_step_since on bf_dash_step (created_at, task_id);

-- the new tables are filled by a rebuild at the next start
delete from bf_dash_build;
