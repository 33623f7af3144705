-- One row per SMS request (SmsRequested.requestId): what happened to it, never what it said. No content, no
-- verification code and no full phone number (ACC-6, ACC-10): the masked phone answers "did the candidate get it",
-- the provider's message id links to the provider's own records.
create table sms_delivery (
    request_id           uuid          primary key,
    candidate_id         uuid,
    template_code        varchar(60)   not null,
    masked_phone         varchar(20)   not null,
    status               varchar(10)   not null check (status in ('SENT', 'FAILED')),
    -- delivery attempts of this service (each event processing counts one; it may call the provider up to
    -- resilience4j.retry.instances.sms-provider.max-attempts times)
    attempts             int           not null,
    provider_message_id  varchar(100),
    -- a reason code and a message without personal data, e.g. "PROVIDER_UNAVAILABLE: 短信网关暂不可用：HTTP 503 ..."
    failure_reason       varchar(300),
    requested_at         timestamptz,
    first_attempt_at     timestamptz   not null default now(),
    last_attempt_at      timestamptz   not null default now(),
    sent_at              timestamptz
);
create index sms_delivery_candidate on sms_delivery (candidate_id);
create index sms_delivery_failed on sms_delivery (last_attempt_at) where status = 'FAILED';
