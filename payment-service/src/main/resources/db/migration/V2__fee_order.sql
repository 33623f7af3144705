-- Fee orders (PAY-1): one per payment attempt of a confirmed enrollment, amounts in integer fen, times UTC.
-- created → pending (sent to the bank) → paid / expired / closed; paid → refunded. The payment window (PAY-3)
-- comes from EnrollmentConfirmed and is copied onto the order.
create table fee_order (
    id                    uuid          primary key,
    enrollment_id         uuid          not null,
    candidate_id          uuid          not null,
    exam_code             varchar(40)   not null,
    exam_name             varchar(200),
    region_code           char(6)       not null,
    channel               varchar(40)   not null check (channel in ('UNIONPAY', 'CEB', 'PUBLIC_PAYMENT_PLATFORM')),
    items                 jsonb         not null,
    amount_fen            bigint        not null check (amount_fen > 0),
    status                varchar(20)   not null check (status in ('CREATED', 'PENDING', 'PAID', 'EXPIRED', 'CLOSED', 'REFUNDED')),
    created_at            timestamptz   not null,
    sent_to_bank_at       timestamptz,
    expires_at            timestamptz,
    pay_url               varchar(500),
    qr_code               varchar(500),
    last_queried_at       timestamptz,
    paid_at               timestamptz,
    bank_trade_no         varchar(64),
    ended_at              timestamptz,
    payment_opens_at      timestamptz,
    payment_closes_at     timestamptz,
    payment_daily_opens   varchar(5),
    payment_daily_closes  varchar(5)
);
-- one open order per enrollment, and never two paid ones
create unique index fee_order_one_open on fee_order (enrollment_id) where status in ('CREATED', 'PENDING');
create unique index fee_order_one_paid on fee_order (enrollment_id) where status = 'PAID';
create index fee_order_candidate on fee_order (candidate_id);
create index fee_order_pending on fee_order (expires_at) where status = 'PENDING';

-- The candidate's pay action by idempotency key: a retry of the same click answers the same bank order.
create table pay_request (
    candidate_id     uuid          not null,
    idempotency_key  varchar(100)  not null,
    order_id         uuid          not null references fee_order (id),
    created_at       timestamptz   not null,
    primary key (candidate_id, idempotency_key)
);

-- Every payment a bank reported (notification, query or statement), recorded once (PAY-4): the key that makes
-- any number of duplicate notifications change nothing. outcome: SETTLED (paid the order) or REFUNDED.
create table bank_payment (
    channel        varchar(40)   not null,
    bank_trade_no  varchar(64)   not null,
    order_id       uuid          not null references fee_order (id),
    amount_fen     bigint        not null,
    paid_at        timestamptz   not null,
    source         varchar(20)   not null check (source in ('NOTIFICATION', 'QUERY', 'RECONCILIATION')),
    outcome        varchar(20)   not null check (outcome in ('SETTLED', 'REFUNDED')),
    recorded_at    timestamptz   not null,
    primary key (channel, bank_trade_no)
);

-- Money sent back (PAY-5): one refund per bank payment; PENDING until the bank confirmed it.
create table refund (
    id             uuid          primary key,
    order_id       uuid          not null references fee_order (id),
    channel        varchar(40)   not null,
    bank_trade_no  varchar(64)   not null,
    amount_fen     bigint        not null,
    reason         varchar(40)   not null,
    status         varchar(20)   not null check (status in ('PENDING', 'SUCCEEDED')),
    created_at     timestamptz   not null,
    refunded_at    timestamptz,
    attempts       int           not null default 0,
    last_error     varchar(300),
    unique (channel, bank_trade_no)
);

-- Notifications refused (PAY-4): forged or tampered signature, unknown order, unreadable. Nothing else changes.
create table rejected_notification (
    id           uuid          primary key,
    channel      varchar(40)   not null,
    reason       varchar(40)   not null,
    order_no     varchar(64),
    received_at  timestamptz   not null
);

-- Reconciliation (PAY-6): each imported statement, and what did not match.
create table statement_import (
    id              uuid          primary key,
    channel         varchar(40)   not null,
    statement_date  date          not null,
    source          varchar(20)   not null check (source in ('SCHEDULED', 'OPERATOR', 'UPLOAD')),
    lines           int           not null,
    discrepancies   int           not null,
    imported_at     timestamptz   not null
);

create table discrepancy (
    id                uuid          primary key,
    channel           varchar(40)   not null,
    kind              varchar(40)   not null check (kind in ('PAID_AT_BANK_NOT_HERE', 'PAID_HERE_NOT_AT_BANK', 'AMOUNT_MISMATCH')),
    -- the bank trade number, or the order id when the bank has no trade: one discrepancy per thing and kind
    match_key         varchar(64)   not null,
    order_id          uuid,
    bank_trade_no     varchar(64),
    bank_amount_fen   bigint        not null,
    order_amount_fen  bigint,
    statement_date    date          not null,
    status            varchar(20)   not null check (status in ('OPEN', 'RESOLVED')),
    found_at          timestamptz   not null,
    resolved_at       timestamptz,
    resolved_by       varchar(100),
    resolution        varchar(500),
    unique (channel, kind, match_key)
);
create index discrepancy_open on discrepancy (found_at) where status = 'OPEN';
