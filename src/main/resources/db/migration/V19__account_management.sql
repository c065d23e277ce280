-- Accounts managed by the security administrator (安全管理员): a phone to reach the person, and a one-time
-- initial password that must be changed at the first sign-in (also after a reset by the security administrator).

alter table bf_user_account add column phone varchar(32);
-- the password was set by someone else (created or reset by the security administrator): until the person sets
-- their own, they may do nothing but change it
alter table bf_user_account add column must_change_password boolean not null default false;
-- who created the account ('system' for the demo data and the environment's first accounts)
alter table bf_user_account add column created_by varchar(64);
