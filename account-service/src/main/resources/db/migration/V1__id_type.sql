-- The identity documents a candidate may register with (ACC-1). A deployment switches types off
-- rather than deleting them, so accounts that used one keep a valid reference.
create table id_type (
    code        varchar(40)  primary key,
    name        varchar(40)  not null,
    sort_order  int          not null,
    is_default  boolean      not null default false,
    enabled     boolean      not null default true
);

create unique index id_type_one_default on id_type (is_default) where is_default;

insert into id_type (code, name, sort_order, is_default) values
    ('RESIDENT_ID',                '居民身份证',           1, true),
    ('HMT_RESIDENCE_PERMIT',       '港澳台居民居住证',     2, false),
    ('HMT_TRAVEL_PERMIT',          '港澳台胞证',           3, false),
    ('FOREIGN_PERMANENT_RESIDENT', '外国人永久居留身份证', 4, false),
    ('PASSPORT',                   '护照',                 5, false);
