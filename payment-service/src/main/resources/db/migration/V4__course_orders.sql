-- Shanghai 自考 course orders (issue 19, SST-6): a fee order pays either an enrollment's fees or a course order's theory
-- courses (CourseOrderPlaced), keyed by the course order's id in enrollment_id either way. kind names the fee on the
-- bank page and the receipt (报名考试费 / 课程报考费).
alter table fee_order add column kind varchar(20) not null default 'ENROLLMENT'
    check (kind in ('ENROLLMENT', 'COURSE_ORDER'));
alter table fee_order alter column kind drop default;

-- A course order's lapse, the sitting's registration close: from then on it cannot be paid, and money the bank
-- reports as paid at or after it is refunded (ORDER_LAPSED). Null for enrollments' orders.
alter table fee_order add column lapses_at timestamptz;
