-- OPS-3 数据导入: the operator console lists a bureau's imports of every kind, newest first, and finds an import only
-- at its own bureau's address. Each job now names the bureau it was uploaded for (the operator's, BUR-1). 在籍考生
-- jobs were scoped by their bureau already; roster jobs from before were uploaded at the default bureau's address
-- (Shandong, the only roster bureau).
alter table import_job add column bureau varchar(40);
update import_job set bureau = case when kind = 'EXISTING' then scope else 'sd' end;
alter table import_job alter column bureau set not null;
create index import_job_bureau on import_job (bureau, created_at desc);
