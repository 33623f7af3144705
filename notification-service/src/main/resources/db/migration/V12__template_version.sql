-- OPS-3 消息模板: each bureau's own wordings, saved by its administrators. Every save is a new version (who, when,
-- an optional note); the highest version of a bureau's template is the one sent, ahead of the bureau's configured
-- wording (bureau_sms_template) and the platform's text (sms_template, mail_template). Versions are never changed
-- or deleted: the history is the record of what candidates were sent when.
create table template_version (
    id               uuid          primary key,
    bureau           varchar(20)   not null,
    kind             varchar(10)   not null check (kind in ('SMS', 'MAIL')),
    code             varchar(60)   not null,
    version          int           not null check (version > 0),
    -- mail only
    subject          varchar(200),
    content          text          not null,
    note             varchar(200),
    created_by       varchar(100)  not null,
    created_by_name  varchar(100)  not null,
    created_at       timestamptz   not null,
    -- two administrators saving at once: one of them gets version n, the other a conflict
    unique (bureau, kind, code, version)
);
