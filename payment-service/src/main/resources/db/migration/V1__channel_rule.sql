-- Which bank channel a candidate pays through, by the city of their exam location (PAY-2).
-- Rules are data so a bureau can change them without a release.
create table channel_rule (
    region_code  char(6)      primary key,
    region_name  varchar(40)  not null,
    channel      varchar(40)  not null check (channel in ('UNIONPAY', 'CEB', 'PUBLIC_PAYMENT_PLATFORM'))
);

insert into channel_rule (region_code, region_name, channel) values
    ('370100', '济南市', 'CEB'),
    ('370200', '青岛市', 'UNIONPAY'),
    ('370300', '淄博市', 'CEB'),
    ('370400', '枣庄市', 'CEB'),
    ('370500', '东营市', 'CEB'),
    ('370600', '烟台市', 'CEB'),
    ('370700', '潍坊市', 'CEB'),
    ('370800', '济宁市', 'CEB'),
    ('370900', '泰安市', 'CEB'),
    ('371000', '威海市', 'CEB'),
    ('371100', '日照市', 'CEB'),
    ('371300', '临沂市', 'CEB'),
    ('371400', '德州市', 'CEB'),
    ('371500', '聊城市', 'CEB'),
    ('371600', '滨州市', 'CEB'),
    ('371700', '菏泽市', 'CEB'),
    ('310000', '上海市', 'PUBLIC_PAYMENT_PLATFORM');
