package org.baokao.enrollment.courses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.HalfDay;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Course registrations and course orders in {@code course_registration} and {@code course_order} (V10). A
 * candidate's registration is read with all their orders of the sitting in one statement; the selection, which
 * every tick changes, is one jsonb column of one row. The JSON is written and read only here.
 */
@Repository
class CourseStore {

    // Storage has its own mapper, so what is stored never changes with the web layer's JSON settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<StoredItem>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredOrder>> ORDERS = new TypeReference<>() {
    };

    /** The selection column. */
    record StoredSelection(List<StoredRef> theory, List<StoredPractical> practical, List<StoredLapsed> lapsed) {

        StoredSelection {
            theory = theory == null ? List.of() : theory;
            practical = practical == null ? List.of() : practical;
            lapsed = lapsed == null ? List.of() : lapsed;
        }
    }

    record StoredRef(String universityCode, String courseCode) {
    }

    /** {@code reviewReason}, {@code reviewer}, {@code reviewedAt}: the university's review, once decided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredPractical(String universityCode, String courseCode, String state, Instant registeredAt,
            String reviewReason, String reviewer, Instant reviewedAt) {
    }

    record StoredLapsed(String universityCode, String courseCode, Instant lapsedAt) {
    }

    record StoredItem(String universityCode, String universityName, String majorCode, String majorName,
            String courseCode, String courseName, Integer credits, long feeFen, LocalDate date, String halfDay) {
    }

    /** An order as PostgreSQL's json_build_object writes it (timestamps with their offset). */
    record StoredOrder(UUID id, String bureau, String status, List<StoredItem> items, String createdAt,
            String lapsesAt, Integer pledgeVersion, String placedAt, String paidAt, UUID paymentOrderId,
            String lapsedAt, String withdrawnAt) {
    }

    private static final String ORDER_COLUMNS = """
            id, exam_code, candidate_id, bureau, status, items::text as items, created_at, lapses_at, pledge_version,
            placed_at, paid_at, payment_order_id, lapsed_at, withdrawn_at""";

    private static final String SELECT_REGISTRATION = """
            select r.exam_code, r.candidate_id, r.bureau, r.remote_area_code, r.selection::text as selection,
                   (select json_agg(json_build_object('id', o.id, 'bureau', o.bureau, 'status', o.status,
                            'items', o.items, 'createdAt', o.created_at, 'lapsesAt', o.lapses_at,
                            'pledgeVersion', o.pledge_version, 'placedAt', o.placed_at, 'paidAt', o.paid_at,
                            'paymentOrderId', o.payment_order_id, 'lapsedAt', o.lapsed_at,
                            'withdrawnAt', o.withdrawn_at) order by o.created_at)::text
                    from course_order o
                    where o.exam_code = r.exam_code and o.candidate_id = r.candidate_id) as orders
            from course_registration r
            where r.exam_code = ? and r.candidate_id = ?""";

    private final JdbcClient jdbc;

    CourseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate's registration at the sitting with all its orders, unlocked (to show). */
    Optional<CourseRegistration> find(String examCode, UUID candidateId) {
        return jdbc.sql(SELECT_REGISTRATION).params(examCode, candidateId).query(CourseStore::registration)
                .optional();
    }

    /**
     * The candidate's registration at the sitting, created empty if new, its row locked until the transaction ends:
     * every change of the candidate's courses (ticks in two tabs, 结算, withdrawing) queues behind the one before.
     */
    CourseRegistration lockOrCreate(String examCode, UUID candidateId, String bureau, Instant now) {
        Optional<CourseRegistration> locked = lock(examCode, candidateId);
        if (locked.isPresent()) {
            return locked.get();
        }
        jdbc.sql("""
                insert into course_registration (exam_code, candidate_id, bureau, selection, updated_at)
                values (?, ?, ?, ?::jsonb, ?) on conflict do nothing""")
                .params(examCode, candidateId, bureau, selectionJson(CourseRegistration.empty(candidateId, bureau,
                        examCode)), Timestamp.from(now))
                .update();
        return lock(examCode, candidateId).orElseThrow();
    }

    Optional<CourseRegistration> lock(String examCode, UUID candidateId) {
        return jdbc.sql(SELECT_REGISTRATION + " for update of r").params(examCode, candidateId)
                .query(CourseStore::registration).optional();
    }

    /** Writes the registration's own row: the 远郊考区意向 and the selection (its orders are written one by one). */
    void save(CourseRegistration registration, Instant now) {
        jdbc.sql("""
                update course_registration set remote_area_code = ?, selection = ?::jsonb, updated_at = ?
                where exam_code = ? and candidate_id = ?""")
                .params(registration.remoteAreaCode(), selectionJson(registration), Timestamp.from(now),
                        registration.examCode(), registration.candidateId())
                .update();
    }

    void insert(CourseOrder order, Instant now) {
        jdbc.sql("""
                insert into course_order (id, exam_code, candidate_id, bureau, status, items, total_fen, created_at,
                    lapses_at, pledge_version, placed_at, paid_at, payment_order_id, lapsed_at, withdrawn_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.examCode(), order.candidateId(), order.bureau(), order.status().name(),
                        JSON.writeValueAsString(order.items().stream().map(CourseStore::stored).toList()),
                        order.totalFen(), Timestamp.from(order.createdAt()), Timestamp.from(order.lapsesAt()),
                        order.pledgeVersion(), ts(order.placedAt()), ts(order.paidAt()), order.paymentOrderId(),
                        ts(order.lapsedAt()), ts(order.withdrawnAt()), Timestamp.from(now))
                .update();
    }

    /** Writes what an order's moves change: its status and their times. */
    void update(CourseOrder order, Instant now) {
        jdbc.sql("""
                update course_order set status = ?, lapses_at = ?, pledge_version = ?, placed_at = ?, paid_at = ?,
                    payment_order_id = ?, lapsed_at = ?, withdrawn_at = ?, updated_at = ?
                where id = ?""")
                .params(order.status().name(), Timestamp.from(order.lapsesAt()), order.pledgeVersion(),
                        ts(order.placedAt()), ts(order.paidAt()), order.paymentOrderId(), ts(order.lapsedAt()),
                        ts(order.withdrawnAt()), Timestamp.from(now), order.id())
                .update();
    }

    /** The order, its row locked until the transaction ends (payment events, the pledge). */
    Optional<CourseOrder> lockOrder(UUID id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from course_order where id = ? for update").param(id)
                .query((row, n) -> order(row)).optional();
    }

    Optional<CourseOrder> findOrder(UUID id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from course_order where id = ?").param(id)
                .query((row, n) -> order(row)).optional();
    }

    boolean isCourseOrder(UUID id) {
        return jdbc.sql("select exists (select 1 from course_order where id = ?)").param(id).query(Boolean.class)
                .single();
    }

    /** The paid orders of a candidate at a sitting (the 确认单's courses). */
    List<CourseOrder> paidOrders(String examCode, UUID candidateId) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from course_order"
                        + " where exam_code = ? and candidate_id = ? and status = 'PAID' order by created_at")
                .params(examCode, candidateId).query((row, n) -> order(row)).list();
    }

    // --- the lapse at the registration close ---

    /**
     * Up to {@code limit} unpaid orders of the sitting, locked; orders another transaction holds (a payment being
     * recorded, a pledge) are skipped and left for the next batch or run.
     */
    List<CourseOrder> lockUnpaidOrders(String examCode, int limit) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from course_order"
                        + " where exam_code = ? and status in ('AWAITING_PLEDGE', 'PLACED')"
                        + " order by id limit ? for update skip locked")
                .params(examCode, limit).query((row, n) -> order(row)).list();
    }

    boolean hasUnpaidOrders(String examCode) {
        return jdbc.sql("""
                select exists (select 1 from course_order
                               where exam_code = ? and status in ('AWAITING_PLEDGE', 'PLACED'))""")
                .param(examCode).query(Boolean.class).single();
    }

    /**
     * The next {@code limit} registrations of the sitting after candidate {@code after} (in key order) that still
     * have theory courses selected, locked: a save that began before the close finishes first, then lapses.
     */
    List<CourseRegistration> lockSelectionsAfter(String examCode, UUID after, int limit) {
        return jdbc.sql("""
                select r.exam_code, r.candidate_id, r.bureau, r.remote_area_code, r.selection::text as selection,
                       null as orders
                from course_registration r
                where r.exam_code = ? and r.candidate_id > ? and jsonb_array_length(r.selection -> 'theory') > 0
                order by r.candidate_id limit ? for update""")
                .params(examCode, after, limit).query(CourseStore::registration).list();
    }

    /** Whether some registration of the sitting still has theory courses selected (read once, to mark it done). */
    boolean hasSelections(String examCode) {
        return jdbc.sql("""
                select exists (select 1 from course_registration
                               where exam_code = ? and jsonb_array_length(selection -> 'theory') > 0)""")
                .param(examCode).query(Boolean.class).single();
    }

    /** Whether the sitting's lapse was done for registration close {@code closesAt}. */
    boolean isLapsed(String examCode, Instant closesAt) {
        return jdbc.sql("select exists (select 1 from course_lapse where exam_code = ? and closes_at = ?)")
                .params(examCode, Timestamp.from(closesAt)).query(Boolean.class).single();
    }

    void markLapsed(String examCode, Instant closesAt, Instant now, int orders, int selections) {
        jdbc.sql("""
                insert into course_lapse (exam_code, closes_at, lapsed_at, orders, selections) values (?, ?, ?, ?, ?)
                on conflict (exam_code) do update set closes_at = excluded.closes_at, lapsed_at = excluded.lapsed_at,
                    orders = excluded.orders, selections = excluded.selections""")
                .params(examCode, Timestamp.from(closesAt), Timestamp.from(now), orders, selections)
                .update();
    }

    /** A practical course registration for the university's review, as the 实践课审核 queue lists it (OPS-3). */
    record PracticalReviewRow(UUID candidateId, String admissionNumber, PracticalRegistration registration) {
    }

    /**
     * One page of a sitting's practical courses in {@code states}, of one university or all (null), oldest
     * registration first, and how many there are in all. The registrations live in each candidate's selection
     * (jsonb): the queue is a lateral walk of one sitting's rows, which the console asks for a page at a time.
     */
    PracticalReviewPage practicalReviews(String examCode, List<String> states, String universityCode, int page,
            int size) {
        String from = """
                from course_registration r
                cross join lateral jsonb_array_elements(r.selection -> 'practical') p
                where r.exam_code = ? and p ->> 'state' = any (?)
                  and (cast(? as text) is null or p ->> 'universityCode' = ?)""";
        String[] stateArray = states.toArray(String[]::new);
        long total = jdbc.sql("select count(*) " + from)
                .params(examCode, stateArray, universityCode, universityCode).query(Long.class).single();
        List<PracticalReviewRow> rows = jdbc.sql("""
                select r.candidate_id, p::text as practical,
                       coalesce(ur.admission_number, an.admission_number) as admission_number
                """ + from.replace("where r.exam_code", """
                left join university_registration ur
                       on ur.candidate_id = r.candidate_id and ur.university_code = p ->> 'universityCode'
                left join admission_number an on an.candidate_id = r.candidate_id
                where r.exam_code""") + """
                 order by p ->> 'registeredAt', r.candidate_id, p ->> 'courseCode' limit ? offset ?""")
                .params(examCode, stateArray, universityCode, universityCode, size, (long) page * size)
                .query((row, n) -> new PracticalReviewRow(row.getObject("candidate_id", UUID.class),
                        row.getString("admission_number"),
                        practical(JSON.readValue(row.getString("practical"), StoredPractical.class))))
                .list();
        return new PracticalReviewPage(rows, total);
    }

    record PracticalReviewPage(List<PracticalReviewRow> rows, long total) {
    }

    // --- mapping ---

    private static String selectionJson(CourseRegistration registration) {
        return JSON.writeValueAsString(new StoredSelection(
                registration.selected().stream().map(ref -> new StoredRef(ref.universityCode(), ref.courseCode()))
                        .toList(),
                registration.practical().stream().map(CourseStore::stored).toList(),
                registration.lapsed().stream().map(l -> new StoredLapsed(l.ref().universityCode(),
                        l.ref().courseCode(), l.lapsedAt())).toList()));
    }

    private static StoredPractical stored(PracticalRegistration p) {
        PracticalRegistration.Review review = p.review();
        return new StoredPractical(p.ref().universityCode(), p.ref().courseCode(), p.state().name(), p.registeredAt(),
                review == null ? null : review.reason(), review == null ? null : review.reviewer(),
                review == null ? null : review.decidedAt());
    }

    private static PracticalRegistration practical(StoredPractical p) {
        return new PracticalRegistration(new CourseRef(p.universityCode(), p.courseCode()),
                PracticalRegistration.State.valueOf(p.state()), p.registeredAt(), p.reviewedAt() == null ? null
                        : new PracticalRegistration.Review(p.reviewReason(), p.reviewer(), p.reviewedAt()));
    }

    private static CourseRegistration registration(ResultSet row, int rowNumber) throws SQLException {
        UUID candidateId = row.getObject("candidate_id", UUID.class);
        String examCode = row.getString("exam_code");
        StoredSelection selection = JSON.readValue(row.getString("selection"), StoredSelection.class);
        String orders = row.getString("orders");
        List<CourseOrder> stored = orders == null ? List.of() : JSON.readValue(orders, ORDERS).stream()
                .map(order -> CourseOrder.restore(order.id(), candidateId, order.bureau(), examCode,
                        items(order.items()), instant(order.createdAt()), CourseOrderStatus.valueOf(order.status()),
                        instant(order.lapsesAt()), order.pledgeVersion(), instant(order.placedAt()),
                        instant(order.paidAt()), order.paymentOrderId(), instant(order.lapsedAt()),
                        instant(order.withdrawnAt())))
                .toList();
        return CourseRegistration.restore(candidateId, row.getString("bureau"), examCode,
                row.getString("remote_area_code"),
                selection.theory().stream().map(ref -> new CourseRef(ref.universityCode(), ref.courseCode())).toList(),
                selection.practical().stream().map(CourseStore::practical).toList(),
                selection.lapsed().stream().map(l -> new LapsedSelection(
                        new CourseRef(l.universityCode(), l.courseCode()), l.lapsedAt())).toList(),
                stored);
    }

    private static CourseOrder order(ResultSet row) throws SQLException {
        return CourseOrder.restore(row.getObject("id", UUID.class), row.getObject("candidate_id", UUID.class),
                row.getString("bureau"), row.getString("exam_code"),
                items(JSON.readValue(row.getString("items"), ITEMS)), instant(row.getTimestamp("created_at")),
                CourseOrderStatus.valueOf(row.getString("status")), instant(row.getTimestamp("lapses_at")),
                (Integer) row.getObject("pledge_version"), instant(row.getTimestamp("placed_at")),
                instant(row.getTimestamp("paid_at")), row.getObject("payment_order_id", UUID.class),
                instant(row.getTimestamp("lapsed_at")), instant(row.getTimestamp("withdrawn_at")));
    }

    private static List<OrderItem> items(List<StoredItem> items) {
        return items.stream().map(item -> new OrderItem(item.universityCode(), item.universityName(),
                item.majorCode(), item.majorName(), item.courseCode(), item.courseName(), item.credits(),
                item.feeFen(), new ExamSlot(item.date(), HalfDay.valueOf(item.halfDay())))).toList();
    }

    private static StoredItem stored(OrderItem item) {
        return new StoredItem(item.universityCode(), item.universityName(), item.majorCode(), item.majorName(),
                item.courseCode(), item.courseName(), item.credits(), item.feeFen(), item.slot().date(),
                item.slot().halfDay().name());
    }

    private static Instant instant(String text) {
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
