-- The working-day calendar (工作日): public holidays and make-up working days (调休) that differ from the
-- Monday-to-Friday week. Notice periods and due dates count working days on it. An administrator edits it;
-- seeded with the State Council's arrangement for 2026.
create table bf_calendar_day (
    calendar_date  date         primary key,
    kind        varchar(16)  not null,
    name        varchar(50)  not null,
    updated_at  timestamp with time zone,
    updated_by  varchar(64),
    constraint bf_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

insert into bf_calendar_day (calendar_date, kind, name) values
 (date '2026-01-01', 'HOLIDAY', '元旦'), (date '2026-01-02', 'HOLIDAY', '元旦'), (date '2026-01-03', 'HOLIDAY', '元旦'),
 (date '2026-01-04', 'WORKDAY', '元旦调休上班'),
 (date '2026-02-14', 'WORKDAY', '春节调休上班'),
 (date '2026-02-15', 'HOLIDAY', '春节'), (date '2026-02-16', 'HOLIDAY', '春节'), (date '2026-02-17', 'HOLIDAY', '春节'),
 (date '2026-02-18', 'HOLIDAY', '春节'), (date '2026-02-19', 'HOLIDAY', '春节'), (date '2026-02-20', 'HOLIDAY', '春节'),
 (date '2026-02-21', 'HOLIDAY', '春节'), (date '2026-02-22', 'HOLIDAY', '春节'), (date '2026-02-23', 'HOLIDAY', '春节'),
 (date '2026-02-28', 'WORKDAY', '春节调休上班'),
 (date '2026-04-04', 'HOLIDAY', '清明节'), (date '2026-04-05', 'HOLIDAY', '清明节'), (date '2026-04-06', 'HOLIDAY', '清明节'),
 (date '2026-05-01', 'HOLIDAY', '劳动节'), (date '2026-05-02', 'HOLIDAY', '劳动节'), (date '2026-05-03', 'HOLIDAY', '劳动节'),
 (date '2026-05-04', 'HOLIDAY', '劳动节'), (date '2026-05-05', 'HOLIDAY', '劳动节'),
 (date '2026-05-09', 'WORKDAY', '劳动节调休上班'),
 (date '2026-06-19', 'HOLIDAY', '端午节'), (date '2026-06-20', 'HOLIDAY', '端午节'), (date '2026-06-21', 'HOLIDAY', '端午节'),
 (date '2026-09-20', 'WORKDAY', '国庆节调休上班'),
 (date '2026-09-25', 'HOLIDAY', '中秋节'), (date '2026-09-26', 'HOLIDAY', '中秋节'), (date '2026-09-27', 'HOLIDAY', '中秋节'),
 (date '2026-10-01', 'HOLIDAY', '国庆节'), (date '2026-10-02', 'HOLIDAY', '国庆节'), (date '2026-10-03', 'HOLIDAY', '国庆节'),
 (date '2026-10-04', 'HOLIDAY', '国庆节'), (date '2026-10-05', 'HOLIDAY', '国庆节'), (date '2026-10-06', 'HOLIDAY', '国庆节'),
 (date '2026-10-07', 'HOLIDAY', '国庆节'),
 (date '2026-10-10', 'WORKDAY', '国庆节调休上班');
