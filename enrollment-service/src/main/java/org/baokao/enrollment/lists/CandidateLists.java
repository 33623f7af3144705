package org.baokao.enrollment.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.courses.CourseOrderStatus;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.wizard.EnrollmentStatus;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' lists of candidates of one exam (OPS-3): a Shandong 专升本 exam lists its enrollments (one row per
 * enrollment, its 考点 the exam location), a Shanghai 自考 sitting its course orders (one row per order, its
 * universities those of its courses). Filters and the operator's scope become SQL conditions; a filter that cannot
 * match the exam's kind (a university of a 专升本 exam) matches nothing. Rows carry the roster name unsealed, for the
 * export; the list masks it.
 */
@Repository
public class CandidateLists {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final PersonalDataProtector sealer;

    CandidateLists(DataSource dataSource, PlatformTransactionManager transactions, PersonalDataProtector sealer) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500); // a large export is read in slices, not loaded whole
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.sealer = sealer;
    }

    public record Page(List<ListedCandidate> items, long total) {
    }

    public Page page(Exam exam, ListQuery query, int page, int size) {
        Sql sql = sql(exam, query, false);
        Long total = jdbc.queryForObject("select count(*) from (" + sql.select() + ") counted", sql.params(),
                Long.class);
        Map<String, Object> params = new HashMap<>(sql.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ListedCandidate> items = jdbc.query(sql.select() + sql.order() + " limit :limit offset :offset", params,
                (row, n) -> row(exam, row));
        if (query.scope().university() != null) {
            items = items.stream().map(item -> item.onlyUniversity(query.scope().university())).toList();
        }
        return new Page(items, total == null ? 0 : total);
    }

    /** How many rows {@link #each} hands out for {@code grouping}. */
    public long count(Exam exam, ListQuery query, Grouping grouping) {
        Sql sql = sql(exam, query, grouping == Grouping.BY_UNIVERSITY);
        Long total = jdbc.queryForObject("select count(*) from (" + sql.select() + ") counted", sql.params(),
                Long.class);
        return total == null ? 0 : total;
    }

    /**
     * Every row of the list ordered by its group ({@code group} of each callback): by 考点 one row per enrollment,
     * by 主考学校 one row per course order and university, with that university's courses. Read through a cursor in
     * one read-only transaction.
     */
    public void each(Exam exam, ListQuery query, Grouping grouping, GroupedRowHandler handler) {
        boolean perUniversity = grouping == Grouping.BY_UNIVERSITY;
        Sql sql = sql(exam, query, perUniversity);
        readOnly.executeWithoutResult(status -> streaming.query(sql.select() + sql.order(), sql.params(), row -> {
            ListedCandidate listed = row(exam, row);
            String group = perUniversity ? row.getString("group_university") : listed.locationCode();
            handler.accept(group, perUniversity ? listed.onlyUniversity(group) : listed);
        }));
    }

    /** Receives each row of {@link #each} with its group's code. */
    @FunctionalInterface
    public interface GroupedRowHandler {
        void accept(String group, ListedCandidate row);
    }

    private record Sql(String select, String order, Map<String, Object> params) {
    }

    private Sql sql(Exam exam, ListQuery query, boolean perUniversity) {
        return exam.kind() == ExamKind.SELF_STUDY ? courseOrders(exam, query, perUniversity)
                : enrollments(exam, query);
    }

    private Sql enrollments(Exam exam, ListQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("examId", exam.id());
        List<String> where = new ArrayList<>();
        where.add("e.exam_id = :examId");
        ListScope scope = query.scope();
        if (!scope.everything()) {
            if (scope.city() == null) {
                where.add("false"); // a university's reviewer: a 专升本 exam has no universities
            } else {
                where.add("e.exam_location_code like :scopeCity");
                params.put("scopeCity", scope.city() + "%");
            }
        }
        if (query.city() != null) {
            where.add("e.exam_location_code like :city");
            params.put("city", query.city() + "%");
        }
        if (query.location() != null) {
            where.add("e.exam_location_code = :location");
            params.put("location", query.location());
        }
        if (query.university() != null) {
            where.add("false");
        }
        if (query.status() != null) {
            where.add("e.status = :status");
            params.put("status", enrollmentStatus(query.status()).name());
        }
        if (query.kind() == ListKind.ENROLLED) {
            where.add("e.status in ('CONFIRMED', 'COMPLETED')");
        } else if (query.kind() == ListKind.PAID) {
            where.add("e.status = 'COMPLETED'");
        }
        String select = """
                select e.id, e.candidate_id, e.status, e.track, e.exam_location_code, e.subject_group_code,
                       e.fee_total_fen, e.confirmed_at, e.completed_at, e.created_at, c.id_number_masked,
                       c.phone_masked, r.name_key_id, r.name_sealed, null as admission_number, null as items
                from enrollment e
                left join candidate c on c.candidate_id = e.candidate_id
                left join roster_entry r on r.roster_entry_id = c.roster_entry_id
                where """ + " " + String.join(" and ", where);
        return new Sql(select, " order by exam_location_code nulls last, created_at, id", params);
    }

    private Sql courseOrders(Exam exam, ListQuery query, boolean perUniversity) {
        Map<String, Object> params = new HashMap<>();
        params.put("exam", exam.code());
        params.put("bureau", exam.bureau());
        List<String> where = new ArrayList<>();
        where.add("o.exam_code = :exam and o.bureau = :bureau");
        ListScope scope = query.scope();
        if (!scope.everything()) {
            if (scope.university() == null) {
                where.add("false"); // a city's operator: a 自考 sitting has no exam locations
            } else {
                where.add("o.items @> cast(:scopeUniversity as jsonb)");
                params.put("scopeUniversity", containing(scope.university()));
                if (perUniversity) {
                    where.add("u.university_code = :scopeUniversityCode");
                    params.put("scopeUniversityCode", scope.university());
                }
            }
        }
        if (query.city() != null || query.location() != null) {
            where.add("false");
        }
        if (query.university() != null) {
            where.add("o.items @> cast(:university as jsonb)");
            params.put("university", containing(query.university()));
            if (perUniversity) {
                where.add("u.university_code = :universityCode");
                params.put("universityCode", query.university());
            }
        }
        if (query.status() != null) {
            where.add("o.status = :status");
            params.put("status", courseOrderStatus(query.status()).name());
        }
        if (query.kind() == ListKind.ENROLLED) {
            where.add("o.status in ('PLACED', 'PAID')");
        } else if (query.kind() == ListKind.PAID) {
            where.add("o.status = 'PAID'");
        }
        String universities = perUniversity ? """
                cross join lateral (select distinct item ->> 'universityCode' as university_code
                                    from jsonb_array_elements(o.items) item) u
                """ : "";
        String select = """
                select o.id, o.candidate_id, o.status, null as track, null as exam_location_code,
                       null as subject_group_code, o.total_fen as fee_total_fen, o.placed_at as confirmed_at,
                       o.paid_at as completed_at, o.created_at, c.id_number_masked, c.phone_masked,
                       null as name_key_id, null::bytea as name_sealed, a.admission_number, o.items::text as items"""
                + (perUniversity ? ", u.university_code as group_university" : "") + """

                from course_order o
                left join candidate c on c.candidate_id = o.candidate_id
                left join admission_number a on a.candidate_id = o.candidate_id
                """ + universities + " where " + String.join(" and ", where);
        return new Sql(select, perUniversity ? " order by group_university, created_at, id"
                : " order by created_at, id", params);
    }

    private ListedCandidate row(Exam exam, ResultSet row) throws SQLException {
        String status = row.getString("status");
        boolean courseOrder = exam.kind() == ExamKind.SELF_STUDY;
        String statusName = courseOrder ? CourseOrderStatus.valueOf(status).label()
                : EnrollmentStatus.valueOf(status).label();
        String name = null;
        if (row.getString("name_key_id") != null) {
            name = sealer.open(new Sealed(row.getString("name_key_id"), row.getBytes("name_sealed")));
        }
        return new ListedCandidate(row.getObject("id", UUID.class), row.getObject("candidate_id", UUID.class), name,
                row.getString("id_number_masked"), row.getString("phone_masked"), row.getString("admission_number"),
                row.getString("exam_location_code"), row.getString("track"), row.getString("subject_group_code"),
                status, statusName, row.getLong("fee_total_fen"), instant(row.getTimestamp("confirmed_at")),
                instant(row.getTimestamp("completed_at")), courses(row.getString("items")));
    }

    private static List<ListedCandidate.ListedCourse> courses(String items) {
        if (items == null) {
            return List.of();
        }
        List<ListedCandidate.ListedCourse> courses = new ArrayList<>();
        for (JsonNode item : JSON.readTree(items)) {
            courses.add(new ListedCandidate.ListedCourse(item.path("universityCode").asString(),
                    item.path("universityName").asString(null), item.path("courseCode").asString(),
                    item.path("courseName").asString(null), item.path("feeFen").asLong()));
        }
        return courses;
    }

    private static String containing(String university) {
        return JSON.writeValueAsString(List.of(Map.of("universityCode", university)));
    }

    private static EnrollmentStatus enrollmentStatus(String status) {
        try {
            return EnrollmentStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("STATUS_INVALID", "报名状态不正确");
        }
    }

    private static CourseOrderStatus courseOrderStatus(String status) {
        try {
            return CourseOrderStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("STATUS_INVALID", "订单状态不正确");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
