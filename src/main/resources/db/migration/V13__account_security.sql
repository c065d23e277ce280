-- Account security: demo accounts refused in production, sessions that end with the account, failed sign-ins
-- of unknown names counted like those of accounts, HTTP Basic sign-ins audited once a day.

-- seeded by the demo profile: the production profile refuses to start while one is enabled
alter table bf_user_account add column demo boolean not null default false;
-- the current password hash is known not to be the published demo password (checked once per hash)
alter table bf_user_account add column password_vetted boolean not null default false;
-- a session lives while this is what it signed in with: lock, password reset and disabling raise it
alter table bf_user_account add column session_epoch integer not null default 0;
-- failures older than the failure window no longer count towards a lock
alter table bf_user_account add column last_failed_login_at timestamp with time zone;

-- the demo profile seeded these before it marked its accounts; all their display names say 演示
update bf_user_account set demo = true where display_name like '%（演示）';

-- Failed sign-ins of names no account has, so that they lock as an account would. Keyed by a digest of the
-- lower-cased name (fixed width, and a password typed into the name field is not kept); rows go once
-- neither their failures nor their lock count any more.
create table bf_login_failure (
    name_key         varchar(64) primary key,
    failed_attempts  integer not null,
    last_failed_at   timestamp with time zone not null,
    locked_until     timestamp with time zone
);
create index bf_login_failure_last_failed on bf_login_failure (last_failed_at);

-- The day an HTTP Basic client's sign-in from an address was last audited (forgotten on a failed sign-in).
create table bf_api_sign_in (
    username        varchar(64) not null,
    source_address  varchar(64) not null,
    audited_on      date        not null,
    primary key (username, source_address)
);
