-- ENR-9, SST-5, SST-6: a Shanghai 自考 candidate's courses at a sitting. One row per candidate and sitting holds what
-- changes with every tick on the course page (the selection as jsonb), so a save is one locked read and one update of
-- one row; the orders made by 结算 are rows of their own, read with it. The rules (one course per half-day slot across
-- all universities, 追加课程 only after every earlier order is paid) are checked in Java while the candidate's row is
-- locked: every change of a candidate's courses takes that lock first.
create table course_registration (
    exam_code        varchar(64) not null,
    candidate_id     uuid        not null,
    -- the bureau (考试院) of the candidate (BUR-1)
    bureau           varchar(8)  not null,
    -- 远郊考区意向: an outer area of the sitting's plan, null for none
    remote_area_code varchar(16),
    -- {"theory": [{universityCode, courseCode}], selected, not yet settled, in the order chosen
    --  "practical": [{universityCode, courseCode, state, registeredAt}], registered (no money taken)
    --  "lapsed": [{universityCode, courseCode, lapsedAt}]}, selected but not settled when registration closed
    selection        jsonb       not null,
    updated_at       timestamptz not null,
    -- by sitting first: the lapse at the registration close walks one sitting's rows in key order
    primary key (exam_code, candidate_id)
) with (fillfactor = 80); -- room on each page, so the frequent saves stay HOT updates (no index changes)

create table course_order (
    id               uuid        primary key,
    exam_code        varchar(64) not null,
    candidate_id     uuid        not null,
    bureau           varchar(8)  not null,
    -- AWAITING_PLEDGE, PLACED, PAID, LAPSED, WITHDRAWN (CourseOrderStatus)
    status           varchar(16) not null,
    -- [{universityCode, universityName, majorCode, majorName, courseCode, courseName, credits, feeFen, date, halfDay}]
    -- as the plan had them at 结算: a paid course reads the same whatever the plan becomes
    items            jsonb       not null,
    total_fen        bigint      not null,
    created_at       timestamptz not null,
    -- the registration close the order was placed against (sent to payment-service as lapsesAt)
    lapses_at        timestamptz not null,
    pledge_version   integer,
    placed_at        timestamptz,
    paid_at          timestamptz,
    -- payment-service's fee order whose payment paid it
    payment_order_id uuid,
    lapsed_at        timestamptz,
    withdrawn_at     timestamptz,
    updated_at       timestamptz not null,
    foreign key (exam_code, candidate_id) references course_registration (exam_code, candidate_id)
);

create index course_order_candidate on course_order (exam_code, candidate_id, created_at);
-- the lapse at the registration close finds a sitting's unpaid orders without reading its paid ones
create index course_order_unpaid on course_order (exam_code) where status in ('AWAITING_PLEDGE', 'PLACED');

-- The sittings whose lapse is done, for the registration close it was done for: the recurring job skips them (an
-- operator who moves the close later makes the sitting due again at the new close).
create table course_lapse (
    exam_code  varchar(64) primary key,
    closes_at  timestamptz not null,
    lapsed_at  timestamptz not null,
    orders     integer     not null,
    selections integer     not null
);
