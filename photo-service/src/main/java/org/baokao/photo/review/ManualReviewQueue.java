package org.baokao.photo.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review desk's reading side (PHO-5, OPS-3): the queue with its filters and paging, one case with what the
 * reviewer weighs (the candidate's document type, major, the comparisons with the public-security photo), always
 * within the operator's {@link ReviewerScope}: a review outside it is as absent as one that does not exist.
 */
@Component
class ManualReviewQueue {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    ManualReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A review in the queue with what the approval of a new candidate knows (nothing for a roster review). */
    record Listed(ManualReview review, String idType, String majorCode, boolean specialMajor) {
    }

    record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** One comparison with the public-security photo, as the reviewer reads it. */
    record Comparison(int attempt, String status, String label, UUID photoId, Instant checkedAt, Instant decidedAt) {
    }

    Page<Listed> list(ReviewFilter filter, ReviewerScope scope) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!scopeClause(scope, where, params)) {
            return new Page<>(List.of(), 0, filter.page(), filter.size());
        }
        if (ReviewFilter.DECIDED.equals(filter.status())) {
            where.add("r.status in ('APPROVED', 'REJECTED')");
        } else if (filter.status() != null) {
            where.add("r.status = ?");
            params.add(filter.status());
        }
        if (filter.reason() != null) {
            where.add("r.requested_reason = ?");
            params.add(filter.reason());
        }
        if (filter.specialMajor() != null) {
            where.add("coalesce(a.special_major, false) = ?");
            params.add(filter.specialMajor());
        }
        if (filter.university() != null) {
            where.add("r.university_code = ?");
            params.add(filter.university());
        }
        if (filter.from() != null) {
            where.add("r.requested_at >= ?");
            params.add(startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.add("r.requested_at < ?");
            params.add(startOf(filter.to().plusDays(1)));
        }
        String from = " from manual_review r left join approval a on a.candidate_id = r.candidate_id where "
                + String.join(" and ", where);
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(filter.size());
        paged.add((long) filter.page() * filter.size());
        List<Listed> items = jdbc.sql(LISTED + from + " order by r.requested_at "
                + (filter.oldestFirst() ? "asc" : "desc") + ", r.id limit ? offset ?")
                .params(paged)
                .query((rs, row) -> new Listed(ManualReviewDesk.map(rs, row), rs.getString(15), rs.getString(16),
                        rs.getBoolean(17)))
                .list();
        return new Page<>(items, total, filter.page(), filter.size());
    }

    /** One review the operator may see, with its approval's facts; another's is 404 {@code MANUAL_REVIEW_NOT_FOUND}. */
    Listed get(UUID reviewId, ReviewerScope scope) {
        return jdbc.sql(LISTED + " from manual_review r left join approval a on a.candidate_id = r.candidate_id"
                + " where r.id = ?")
                .param(reviewId)
                .query((rs, row) -> new Listed(ManualReviewDesk.map(rs, row), rs.getString(15), rs.getString(16),
                        rs.getBoolean(17)))
                .optional().filter(listed -> scope.sees(listed.review()))
                .orElseThrow(ManualReviewDesk::notFound);
    }

    /** The candidate's comparisons with the public-security photo, the first first. */
    List<Comparison> comparisons(UUID candidateId) {
        return jdbc.sql("""
                select attempt, status, photo_id, created_at, decided_at from identity_check where candidate_id = ?
                order by created_at""")
                .param(candidateId)
                .query((rs, row) -> {
                    Timestamp decided = rs.getTimestamp(5);
                    return new Comparison(rs.getInt(1), rs.getString(2), comparisonLabel(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(),
                            decided == null ? null : decided.toInstant());
                })
                .list();
    }

    /** How many of the candidate's comparisons failed (a mismatch or no reference photo). */
    static long failures(List<Comparison> comparisons) {
        return comparisons.stream().filter(c -> c.status().equals("MISMATCHED") || c.status().equals("NO_REFERENCE"))
                .count();
    }

    Optional<String> photoKey(UUID photoId) {
        return jdbc.sql("select normalized_key from photo where id = ?").param(photoId).query(String.class).optional();
    }

    private static String comparisonLabel(String status) {
        return switch (status) {
            case "MATCHED" -> "比对通过";
            case "MISMATCHED" -> "比对未通过";
            case "NO_REFERENCE" -> "公安无参考照片";
            default -> "核验中";
        };
    }

    /** The operator's bureau and university as SQL; false when the operator sees no review at all. */
    private static boolean scopeClause(ReviewerScope scope, List<String> where, List<Object> params) {
        if (scope.nothing()) {
            return false;
        }
        where.add(scope.includesRosterReviews() ? "(r.bureau = ? or r.bureau is null)" : "r.bureau = ?");
        params.add(scope.bureau());
        if (!scope.bureauWide()) {
            where.add("r.university_code = ?");
            params.add(scope.universityCode());
        }
        return true;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(BEIJING).toInstant());
    }

    private static final String LISTED = """
            select r.id, r.candidate_id, r.photo_id, r.status, r.requested_reason, r.decision_reason, r.decided_by,
                r.requested_at, r.decided_at, r.bureau, r.university_code, r.claimed_by, r.claimed_by_name,
                r.claimed_until, a.id_type, a.major_code, a.special_major""";
}
