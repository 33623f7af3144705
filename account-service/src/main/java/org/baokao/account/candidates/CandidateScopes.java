package org.baokao.account.candidates;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.baokao.account.bureau.Bureaus;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.enrollment.UniversityRegistrationAdded;
import org.baokao.messaging.consumer.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What puts a candidate in an operator's scope (OPS-3), as account-service learns it: the bureau of the account, the
 * cities of the exam locations of their confirmed enrollments (EnrollmentConfirmed, kept per enrollment, the latest
 * confirmation's) and the 主考学校 they registered with (the registration's choice and an import's, kept on the
 * account; the ones added later, UniversityRegistrationAdded). A candidate who has confirmed no enrollment is in no
 * city operator's scope yet.
 */
@Repository
public class CandidateScopes {

    private final JdbcClient jdbc;

    CandidateScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler(Bureaus.ENROLLMENT_CONSUMER)
    void confirmed(EnrollmentConfirmed confirmed) {
        if (confirmed.examLocationCode() == null || confirmed.examLocationCode().isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into candidate_exam_city (enrollment_id, candidate_id, bureau_code, exam_code, city,
                    confirmed_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (enrollment_id) do update set city = excluded.city, confirmed_at = excluded.confirmed_at
                where candidate_exam_city.confirmed_at <= excluded.confirmed_at""")
                .params(confirmed.enrollmentId(), confirmed.candidateId(), confirmed.bureau(), confirmed.examCode(),
                        confirmed.examLocationCode().strip(), Timestamp.from(confirmed.confirmedAt()))
                .update();
    }

    @EventHandler(Bureaus.ENROLLMENT_CONSUMER)
    void universityAdded(UniversityRegistrationAdded added) {
        jdbc.sql("""
                insert into candidate_added_university (candidate_id, university_code, added_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(added.candidateId(), added.universityCode(), Timestamp.from(added.addedAt()))
                .update();
    }

    /** The facts of one candidate's scope. */
    public record Scope(String bureau, Set<String> cities, Set<String> universities) {

        /** Whether {@code operator} may see the candidate: any of their exam cities, or their universities. */
        public boolean visibleTo(Operator operator) {
            if (operator.sees(bureau, null, universities)) {
                return true;
            }
            return cities.stream().anyMatch(city -> operator.sees(bureau, city, universities));
        }
    }

    /** The candidate's scope facts; empty when there is no such account. */
    public Optional<Scope> of(UUID candidateId) {
        Optional<String> bureau = jdbc.sql("select bureau_code from candidate_account where id = ?")
                .param(candidateId).query(String.class).optional();
        if (bureau.isEmpty()) {
            return Optional.empty();
        }
        Set<String> cities = new TreeSet<>(jdbc.sql("select city from candidate_exam_city where candidate_id = ?")
                .param(candidateId).query(String.class).list());
        Set<String> universities = new TreeSet<>(jdbc.sql("""
                select university_code from candidate_account where id = ? and university_code is not null
                union select university_code from account_university where account_id = ?
                union select university_code from candidate_added_university where candidate_id = ?""")
                .params(candidateId, candidateId, candidateId).query(String.class).list());
        return Optional.of(new Scope(bureau.get(), cities, universities));
    }

    /**
     * The same rule as {@link Scope#visibleTo} as a condition on {@code candidate_account a}, for searches: the
     * operator's bureau, narrowed to their city or university unless their role sees the whole bureau.
     */
    public Condition conditionFor(Operator operator) {
        List<Object> params = new ArrayList<>();
        params.add(operator.bureau());
        if (operator.seesWholeBureau()) {
            return new Condition("a.bureau_code = ?", params);
        }
        List<String> any = new ArrayList<>();
        if (operator.has(OperatorRole.CITY_OPERATOR) && operator.city() != null) {
            any.add("exists (select 1 from candidate_exam_city c where c.candidate_id = a.id and c.city = ?)");
            params.add(operator.city());
        }
        if (operator.has(OperatorRole.UNIVERSITY_REVIEWER) && operator.university() != null) {
            any.add("""
                    (a.university_code = ?
                     or exists (select 1 from account_university u where u.account_id = a.id and u.university_code = ?)
                     or exists (select 1 from candidate_added_university v
                                where v.candidate_id = a.id and v.university_code = ?))""");
            params.add(operator.university());
            params.add(operator.university());
            params.add(operator.university());
        }
        String narrowed = any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")";
        return new Condition("a.bureau_code = ? and " + narrowed, params);
    }

    /** A SQL condition and its parameters, in order. */
    public record Condition(String sql, List<Object> params) {
    }
}
