-- Who caused a notification (finished the step that opened the task, moved the team): never told of it themselves.
-- Empty when the system caused it (due dates, the calendar, the job executor).
alter table bf_notification add column actor varchar(64);
