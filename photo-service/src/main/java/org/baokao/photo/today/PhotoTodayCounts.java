package org.baokao.photo.today;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 今日概况's figures photo-service holds, for the whole bureau (a photo belongs to a candidate, not to an exam):
 * {@code identityChecksPending} (comparisons queued or waiting for the provider) and {@code reviewsWaiting} (manual
 * reviews submitted and not decided). A check or review without a bureau is a roster bureau's candidate's, counted
 * for the default bureau, as photo-service treats such candidates everywhere; a new candidate's (open registration)
 * carries the bureau and the university of their approval, which is how a 主考学校 reviewer gets their own figures.
 */
@Repository
class PhotoTodayCounts {

    private final JdbcClient jdbc;

    PhotoTodayCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> of(String bureau, String defaultBureau, String university) {
        String checkUniversity = university == null ? "" : " and a.university_code = :university";
        String reviewUniversity = university == null ? "" : " and r.university_code = :university";
        var checks = jdbc.sql("""
                select count(*) from identity_check i left join approval a on a.candidate_id = i.candidate_id
                where i.status = 'PENDING' and coalesce(a.bureau, :defaultBureau) = :bureau""" + checkUniversity)
                .param("bureau", bureau).param("defaultBureau", defaultBureau);
        var reviews = jdbc.sql("""
                select count(*) from manual_review r
                where r.status = 'OPEN' and coalesce(r.bureau, :defaultBureau) = :bureau""" + reviewUniversity)
                .param("bureau", bureau).param("defaultBureau", defaultBureau);
        if (university != null) {
            checks = checks.param("university", university);
            reviews = reviews.param("university", university);
        }
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("identityChecksPending", checks.query(Long.class).single());
        figures.put("reviewsWaiting", reviews.query(Long.class).single());
        return figures;
    }
}
