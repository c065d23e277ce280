-- The administrator keeps the district's organisation: streets, villages and teams are never deleted (history names
-- them) but deactivated; each row carries a version so that two administrators never overwrite each other.

alter table bf_street add column active boolean default true not null;
alter table bf_street add column version integer default 0 not null;

alter table bf_village add column active boolean default true not null;
alter table bf_village add column version integer default 0 not null;

alter table bf_team add column active boolean default true not null;
alter table bf_team add column version integer default 0 not null;

-- The streets a team serves. bf_team.street_id stays the team's home street (the first it serves), which the
-- proposal of a team for a household and the street officers' views already read; it is always served too.
create table bf_team_street (
    team_id     bigint not null references bf_team (id),
    street_id   bigint not null references bf_street (id),
    position    integer not null,
    constraint bf_team_street_pk primary key (team_id, street_id)
);
create index bf_team_street_street on bf_team_street (street_id);

insert into bf_team_street (team_id, street_id, position)
select id, street_id, 0 from bf_team where street_id is not null;
