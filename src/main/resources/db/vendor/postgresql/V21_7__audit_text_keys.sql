-- Audit lines written before targets and details were stored as message keys (AuditText): the common forms
-- become keys with arguments, so that they read in the auditor's language; others stay as written.
update bf_audit_log set target = '{"key":"audit.target.fundRequest","args":["' || regexp_replace(target, '^fund request (\d+)$', '\1') || '"]}'
 where target ~ '^fund request \d+$';
update bf_audit_log set target = '{"key":"audit.target.paymentBatch","args":["' || regexp_replace(target, '^batch (\S+)$', '\1') || '"]}'
 where action in ('PAYMENT_BATCH_CREATED', 'PAYMENT_FILE_DOWNLOADED', 'PAYMENT_RECONCILED') and target ~ '^batch \S+$';
update bf_audit_log set target = '{"key":"audit.target.comparisonBatch","args":["' || regexp_replace(target, '^batch (\d+)$', '\1') || '"]}'
 where action like 'COMPARISON_%' and target ~ '^batch \d+$';
update bf_audit_log set target = '{"key":"audit.target.member","args":["' || regexp_replace(target, '^household (\S+) member (\d+)$', '\1","\2') || '"]}'
 where target ~ '^household \S+ member \d+$';
update bf_audit_log set target = '{"key":"audit.target.household","args":["' || regexp_replace(target, '^household (\S+)$', '\1') || '"]}'
 where target ~ '^household \S+$';
update bf_audit_log set detail = '{"key":"sensitive.' || detail || '"}'
 where action = 'SENSITIVE_FIELD_SHOWN' and detail in ('ID_NUMBER', 'PHONE', 'BANK_ACCOUNT', 'HEALTH', 'DISABILITY');
update bf_audit_log set detail = '{"key":"audit.detail.handbookPrinted","args":["'
       || regexp_replace(detail, '^(.*) \d+ bytes$', '\1') || '","'
       || cast((cast(regexp_replace(detail, '^.* (\d+) bytes$', '\1') as integer) + 1023) / 1024 as varchar(20)) || '"]}'
 where action = 'HANDBOOK_PRINTED' and detail ~ '^[^"\\]* \d+ bytes$';
update bf_audit_log set detail = '{"key":"audit.detail.fundDecided","args":[{"key":"task.'
       || case regexp_replace(detail, '^(\S+) .*$', '\1') when 'LEADER' then 'Task_LeaderApproval'
               when 'DISTRICT' then 'Task_DistrictApproval' else 'Task_SecondDistrictApproval' end
       || '"},{"key":"form.choice.decision.' || regexp_replace(detail, '^\S+ (\S+) .*$', '\1') || '"},"'
       || regexp_replace(detail, '^\S+ \S+ (\S+) round \d+$', '\1') || '","'
       || regexp_replace(detail, '^.* round (\d+)$', '\1') || '"]}'
 where action = 'FUND_REQUEST_DECIDED' and detail ~ '^(LEADER|DISTRICT|DISTRICT_SECOND) [A-Z]+ [0-9.]+ round \d+$';
update bf_audit_log set detail = '{"key":"audit.detail.unknownAccount"}' where detail = 'unknown account';
update bf_audit_log set detail = '{"key":"audit.detail.badCredentials"}' where detail = 'bad credentials';
update bf_audit_log set detail = '{"key":"audit.detail.wrongPassword"}' where detail = 'wrong current password';
update bf_audit_log set detail = '{"key":"audit.detail.nothingChanged"}' where detail = 'nothing changed';
update bf_audit_log set detail = '{"key":"audit.detail.calendarCleared"}'
 where action = 'CALENDAR_CHANGED' and detail = 'cleared';
