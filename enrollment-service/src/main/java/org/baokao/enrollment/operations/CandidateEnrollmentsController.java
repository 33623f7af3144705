package org.baokao.enrollment.operations;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
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

    private final CandidateEnrollmentRecords records;

    CandidateEnrollmentsController(CandidateEnrollmentRecords records) {
        this.records = records;
    }

    record CandidateEnrollments(List<CandidateEnrollmentRecords.Enrollment> enrollments,
            List<CandidateEnrollmentRecords.University> universities) {
    }

    @GetMapping("/api/enrollments/operations/candidates/{candidateId}/enrollments")
    CandidateEnrollments of(Operator operator, @PathVariable String candidateId) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.CITY_OPERATOR, OperatorRole.UNIVERSITY_REVIEWER,
                OperatorRole.AUDITOR);
        UUID id = id(candidateId);
        List<CandidateEnrollmentRecords.Enrollment> enrollments = records.enrollments(id);
        List<CandidateEnrollmentRecords.University> universities = records.universities(id);
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
        records.selfStudyBureau(id).ifPresent(bureaus::add);
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

    private static UUID id(String typed) {
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            throw Operator.outOfScope();
        }
    }
}
