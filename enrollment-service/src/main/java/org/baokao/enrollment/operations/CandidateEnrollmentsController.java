package org.baokao.enrollment.operations;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * 考生查询 (OPS-3), a candidate's part kept here: their enrollments (the Shandong wizard) and the 主考学校 they hold
 * (Shanghai 自考), read-only. The Candidates desk's roles read it; the scope is checked with what this service knows:
 * the bureau of each enrollment's exam (or of the 自考 candidate), the exam location of each enrollment (a city
 * operator sees a candidate who chose their city) and the universities held (a reviewer sees their university's).
 * Outside the scope, or another bureau's candidate: 404.
 */
@RestController
class CandidateEnrollmentsController {

    private final JdbcClient jdbc;

    CandidateEnrollmentsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Enrollment(UUID enrollmentId, String examCode, String examName, String bureau, String track, String status,
            String examLocationCode, Instant confirmedAt, Long feeTotalFen, Instant completedAt, Instant createdAt) {
    }

    record University(String universityCode, String universityName, String majorCode, String majorName,
            String admissionNumber, String examCode, String bureau, Instant registeredAt) {
    }

    record CandidateEnrollments(List<Enrollment> enrollments, List<University> universities) {
    }

    @GetMapping("/api/enrollments/operations/candidates/{candidateId}/enrollments")
    CandidateEnrollments of(Operator operator, @PathVariable String candidateId) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.CITY_OPERATOR, OperatorRole.UNIVERSITY_REVIEWER,
                OperatorRole.AUDITOR);
        UUID id = id(candidateId);
        List<Enrollment> enrollments = jdbc.sql("""
                select e.id, e.exam_code, x.name, x.bureau, e.track, e.status, e.exam_location_code, e.confirmed_at,
                    e.fee_total_fen, e.completed_at, e.created_at
                from enrollment e join exam x on x.id = e.exam_id
                where e.candidate_id = ? order by e.created_at desc""")
                .param(id)
                .query((row, n) -> new Enrollment(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        instant(row.getTimestamp(8)), (Long) row.getObject(9, Long.class),
                        instant(row.getTimestamp(10)), instant(row.getTimestamp(11))))
                .list();
        List<University> universities = jdbc.sql("""
                select r.university_code, r.university_name, r.major_code, r.major_name, r.admission_number,
                    r.exam_code, s.bureau, r.registered_at
                from university_registration r join self_study_candidate s on s.candidate_id = r.candidate_id
                where r.candidate_id = ? order by r.registered_at, r.seq""")
                .param(id)
                .query((row, n) -> new University(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        instant(row.getTimestamp(8))))
                .list();
        Set<String> bureaus = new TreeSet<>();
        Set<String> cities = new TreeSet<>();
        Set<String> held = new TreeSet<>();
        enrollments.forEach(e -> {
            bureaus.add(e.bureau());
            if (e.examLocationCode() != null) {
                cities.add(e.examLocationCode());
            }
        });
        universities.forEach(u -> {
            bureaus.add(u.bureau());
            held.add(u.universityCode());
        });
        jdbc.sql("select bureau from self_study_candidate where candidate_id = ?").param(id).query(String.class)
                .optional().ifPresent(bureaus::add);
        if (!visible(operator, bureaus, cities, held)) {
            throw Operator.outOfScope();
        }
        return new CandidateEnrollments(
                enrollments.stream().filter(e -> e.bureau().equals(operator.bureau())).toList(),
                universities.stream().filter(u -> u.bureau().equals(operator.bureau())).toList());
    }

    /**
     * A candidate this service knows nothing of is answered empty to a bureau-wide operator (nothing to show, nothing
     * told), as absent to a scoped one; a candidate of other bureaus only is absent to everyone.
     */
    private static boolean visible(Operator operator, Set<String> bureaus, Set<String> cities, Set<String> held) {
        if (bureaus.isEmpty()) {
            return operator.seesWholeBureau();
        }
        if (!bureaus.contains(operator.bureau())) {
            return false;
        }
        if (operator.sees(operator.bureau(), null, held)) {
            return true;
        }
        return cities.stream().anyMatch(city -> operator.sees(operator.bureau(), city, held));
    }

    private static Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static UUID id(String typed) {
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            throw Operator.outOfScope();
        }
    }
}
