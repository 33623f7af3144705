package org.baokao.enrollment.today;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.lists.ListScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * 今日概况's figures of one open exam that this service holds: {@code confirmed} (已确认报考: a 专升本 enrollment
 * confirmed, paid or not; a 自考 candidate with a course order placed or paid) and {@code completed} (已完成缴费: a
 * completed enrollment; a 自考 candidate with a paid order). Two counts on indexed columns per exam. A scoped
 * operator gets the figures of their scope where this service knows it (a city: the exam location; a university:
 * the courses' universities) and none where it does not (a university's reviewer on a 专升本 exam).
 */
@Repository
class EnrollmentTodayCounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    EnrollmentTodayCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> of(Exam exam, ListScope scope) {
        return exam.kind() == ExamKind.SELF_STUDY ? courseOrders(exam, scope) : enrollments(exam, scope);
    }

    private Map<String, Long> enrollments(Exam exam, ListScope scope) {
        if (scope.isNothing() || !scope.everything() && scope.city() == null) {
            return Map.of();
        }
        String inScope = scope.everything() ? "" : " and exam_location_code like :city";
        var sql = jdbc.sql("""
                select count(*) filter (where confirmed_at is not null) as confirmed,
                       count(*) filter (where status = 'COMPLETED') as completed
                from enrollment where exam_id = :exam""" + inScope).param("exam", exam.id());
        if (!scope.everything()) {
            sql = sql.param("city", scope.city() + "%");
        }
        return sql.query((row, n) -> figures(row.getLong("confirmed"), row.getLong("completed"))).single();
    }

    private Map<String, Long> courseOrders(Exam exam, ListScope scope) {
        if (scope.isNothing() || !scope.everything() && scope.university() == null) {
            return Map.of();
        }
        String inScope = scope.everything() ? "" : " and items @> cast(:university as jsonb)";
        var sql = jdbc.sql("""
                select count(distinct candidate_id) filter (where status in ('PLACED', 'PAID')) as confirmed,
                       count(distinct candidate_id) filter (where status = 'PAID') as completed
                from course_order where exam_code = :exam and bureau = :bureau""" + inScope)
                .param("exam", exam.code()).param("bureau", exam.bureau());
        if (!scope.everything()) {
            sql = sql.param("university",
                    JSON.writeValueAsString(List.of(Map.of("universityCode", scope.university()))));
        }
        return sql.query((row, n) -> figures(row.getLong("confirmed"), row.getLong("completed"))).single();
    }

    private static Map<String, Long> figures(long confirmed, long completed) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("confirmed", confirmed);
        figures.put("completed", completed);
        return figures;
    }
}
