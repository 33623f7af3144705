-- 是否兼报 with its 对应的专业 (seed 000 §2.4): a 3+2 candidate who answers 是 names the major 兼报 is for. Null for
-- everyone else (否, not 3+2, no step 4 yet).
alter table enrollment add column concurrent_major varchar(50);
