-- BUR-1: every bureau (考试院) signs its SMS itself and may word a template its own way. Both come from
-- enrollment-service's BureauConfigured (kept by the consumer notification-service.bureaus); the platform's texts
-- in sms_template carry no signature any more. (V10, not V4: the e-mail channel is added beside this at the same
-- time and numbers its own migrations from V4.)
create table bureau_sms (
    bureau         varchar(20)   primary key,
    -- put before every SMS sent for the bureau, e.g. 【山东省教育招生考试院】
    signature      text          not null,
    -- the configuration this row holds; an older one arriving late is ignored
    configured_at  timestamptz   not null
);

-- A bureau's own wording of a template (code as in sms_template, text without the signature); replaced whole with
-- each configuration. A template without a row here is sent in the platform's wording.
create table bureau_sms_template (
    bureau   varchar(20)   not null references bureau_sms (bureau) on delete cascade,
    code     varchar(60)   not null,
    content  text          not null,
    primary key (bureau, code)
);

-- Shandong's signature was part of every platform text until now: it moves here, so Shandong's SMS read as before
-- while enrollment-service's first configuration of sd is on its way. Dated at the epoch, any real one replaces it.
insert into bureau_sms (bureau, signature, configured_at) values ('sd', '【山东省教育招生考试院】', '1970-01-01T00:00:00Z');

-- The platform's texts lose the signature, wherever an operator's wording kept it (before or after the text);
-- whatever else an operator changed stays.
update sms_template
set content = regexp_replace(regexp_replace(content, '^【山东省教育招生考试院】', ''), '【山东省教育招生考试院】$', ''),
    updated_at = now()
where content like '【山东省教育招生考试院】%' or content like '%【山东省教育招生考试院】';
