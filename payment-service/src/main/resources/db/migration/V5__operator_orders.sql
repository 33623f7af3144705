-- The Orders desk (OPS-3, issue 20): a bureau's finance officers refund a paid order with a reason, and ask the bank
-- about an order; both are kept with the order's bank history.

-- A refund an operator asked for (reason OPERATOR_REFUND): who, and the reason they typed. Automatic refunds
-- (PAY-5) have none.
alter table refund add column requested_by varchar(100);
alter table refund add column requested_by_name varchar(200);
alter table refund add column note varchar(200);

-- Each time an operator asked the bank about an order (重新查询银行): what the bank answered and what became of it.
-- The background query keeps only fee_order.last_queried_at: it asks every minute and would fill this table.
create table order_query (
    id              uuid          primary key,
    order_id        uuid          not null references fee_order (id),
    queried_at      timestamptz   not null,
    operator        varchar(100)  not null,
    operator_name   varchar(200),
    trade_status    varchar(20)   not null,
    bank_trade_no   varchar(64),
    amount_fen      bigint,
    outcome         varchar(20)
);
create index order_query_order on order_query (order_id);

-- The desk lists a bureau's orders newest first, filtered by exam or status.
create index fee_order_bureau_created on fee_order (bureau, created_at desc);
create index refund_order on refund (order_id);
