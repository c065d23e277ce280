-- Which administrator was told that next year's holiday arrangement is missing, once per year and person: the
-- nightly check may run twice (a restart, a second node) without telling anyone twice.
create table bf_calendar_reminder (
    reminder_year  integer      not null,
    username       varchar(64)  not null,
    sent_at        timestamp with time zone not null,
    primary key (reminder_year, username)
);

-- The reminder reaches the administrators through the notification bell: a notification about no household or
-- task, its due_on the first day of the missing year.
alter table bf_notification drop constraint bf_notification_kind;
alter table bf_notification add constraint bf_notification_kind
    check (kind in ('NEW_TASK', 'DUE_SOON', 'OVERDUE', 'ESCALATED', 'HANDED_OVER', 'CALENDAR_MISSING'));
