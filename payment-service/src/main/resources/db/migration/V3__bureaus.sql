-- BUR-1: payment-service's copy of each bureau (考试院), kept from enrollment-service's BureauConfigured: the name its
-- receipts and bank pages show, and (in channel_rule) the channel rules its orders are routed by (PAY-2).
create table bureau (
    code           varchar(20)   primary key,
    name           text          not null,
    -- the configuration this row holds; an older one arriving late is ignored
    configured_at  timestamptz   not null
);

-- Until now the platform was Shandong's: its name and its rules (the rows of channel_rule) become bureau sd's, so its
-- orders route as before while enrollment-service's first configuration of sd is on its way. Dated at the epoch,
-- any real configuration replaces it.
insert into bureau (code, name, configured_at) values ('sd', '山东省教育招生考试院', '1970-01-01T00:00:00Z');

-- Region names for people (the public channel list): a bureau's rules carry codes only.
create table region (
    region_code  char(6)      primary key,
    name         varchar(40)  not null
);
insert into region (region_code, name) select region_code, region_name from channel_rule;
insert into region (region_code, name) values ('370000', '山东省') on conflict do nothing;

-- Each rule is a bureau's; a bureau's configuration replaces all of its rules.
alter table channel_rule add column bureau varchar(20) not null default 'sd' references bureau (code);
alter table channel_rule alter column bureau drop default;
alter table channel_rule drop constraint channel_rule_pkey;
alter table channel_rule add primary key (bureau, region_code);
alter table channel_rule drop column region_name;

-- The bureau an order was made for: its channel rules, its name on the bank page and the receipt. Orders before
-- bureaus were Shandong's.
alter table fee_order add column bureau varchar(20) not null default 'sd' references bureau (code);
alter table fee_order alter column bureau drop default;
