-- A task handed over to a colleague tells the colleague.
alter table bf_notification drop constraint bf_notification_kind;
alter table bf_notification add constraint bf_notification_kind
    check (kind in ('NEW_TASK', 'DUE_SOON', 'OVERDUE', 'ESCALATED', 'HANDED_OVER'));

-- Notifications to a person are addressed 'user:NAME', apart from the groups' names (district, street-1, team-1),
-- which a username may equal.
alter table bf_notification alter column recipient set data type varchar(80);
update bf_notification set recipient = concat('user:', recipient)
 where recipient <> 'district' and recipient not like 'street-%' and recipient not like 'team-%';
