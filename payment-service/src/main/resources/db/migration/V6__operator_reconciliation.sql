-- The Reconciliation desk (OPS-3, issue 20): who ran or uploaded a statement, who resolved a discrepancy (by name as
-- well as by subject), and a discrepancy's order found quickly for the order's bank history and the bureau's view.
alter table statement_import add column operator varchar(100);
alter table statement_import add column operator_name varchar(200);
alter table discrepancy add column resolved_by_name varchar(200);
create index discrepancy_order on discrepancy (order_id);
create index statement_import_imported on statement_import (imported_at desc);
