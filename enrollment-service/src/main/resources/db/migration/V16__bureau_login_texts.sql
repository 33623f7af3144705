-- The texts Shandong's login page links to (seed 000 §1.2): 各市招生考试机构联系方式, 建档立卡家庭考生专升本计划 and
-- 操作手册, each optional and versioned like the others (bureau_text).
alter table bureau add column city_contacts_version varchar(32);
alter table bureau add column poverty_relief_plan_version varchar(32);
alter table bureau add column user_manual_version varchar(32);
alter table bureau_text drop constraint bureau_text_kind_check;
alter table bureau_text add constraint bureau_text_kind_check check (kind in ('candidate-notice', 'privacy-policy',
    'service-agreement', 'integrity-pledge', 'city-contacts', 'poverty-relief-plan', 'user-manual'));
