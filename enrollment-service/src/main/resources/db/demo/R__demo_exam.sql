-- The demo exam of the Shandong manual, re-applied when this file changes; never touches other exams.
insert into exam (id, code, name, kind, registration_opens_at, registration_closes_at, payment_opens_at, payment_closes_at)
values ('5d1c7e0a-2023-4c5e-9a51-000000000001', 'SD-ZSB-2023', '2023年普通高等教育专升本考试', 'UNIFIED_UPGRADE',
        '2026-01-01T00:00:00Z', '2027-12-31T15:59:59Z', '2026-01-01T00:00:00Z', '2027-12-31T15:59:59Z')
on conflict (id) do update set name = excluded.name, kind = excluded.kind,
    registration_opens_at = excluded.registration_opens_at, registration_closes_at = excluded.registration_closes_at,
    payment_opens_at = excluded.payment_opens_at, payment_closes_at = excluded.payment_closes_at;
