-- Account security: demo accounts refused in production.

-- seeded by the demo profile: the production profile refuses to start while one is enabled
alter table bf_user_account add column demo boolean not null default false;
-- the current password hash is known not to be the published demo password (checked once per hash)
alter table bf_user_account add column password_vetted boolean not null default false;

-- the demo profile seeded these before it marked its accounts; all their display names say 演示
update bf_user_account set demo = true where display_name like '%（演示）';
