package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baokao.photo.photo.PhotoUploads;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * OPS-3 the photo/proof review desk (PHO-5, SST-2): roles, scope, the queue's filters and paging, claim-and-decide and
 * its audit, through the API with persons' operator tokens bound to their bureau. The reviews are seeded in the
 * database (the way a review comes to be is ManualReviewTest's and ApprovalApiTest's).
 */
@ServiceTest(s3 = true)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class ReviewDeskApiTest {

    static final String FUDAN = "10246";
    static final String SHUTCM = "10268";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ops3_ofTwoReviewersClaimingTheSameCaseAtOnceExactlyOneWins() throws Exception {
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        String first = ReviewDeskCalls.reviewer("reviewer-a", FUDAN);
        String second = ReviewDeskCalls.admin("admin-b", "sh");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String reviewId = seed("sh", FUDAN, "TOO_MANY_FAILURES", false).toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpProbe.Answer>> answers = new ArrayList<>();
                for (String token : List.of(first, second)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return desk.claim("sh", reviewId, token);
                    }));
                }
                start.countDown();
                List<HttpProbe.Answer> both = List.of(answers.get(0).get(), answers.get(1).get());

                assertThat(both).extracting(HttpProbe.Answer::status).as(both.toString())
                        .containsExactlyInAnyOrder(200, 409);
                HttpProbe.Answer lost = both.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
                HttpProbe.Answer won = both.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
                assertThat(lost.problemCode()).isEqualTo("REVIEW_CLAIMED");
                String holder = won.json().path("review").path("claim").path("holder").asString();
                assertThat(lost.json().path("detail").asString()).startsWith("该审核已由" + holder + "领取");
                assertThat(jdbc.sql("select claimed_by_name from manual_review where id = ?::uuid").param(reviewId)
                        .query(String.class).single()).isEqualTo(holder);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ops3_onlyTheHolderOfALiveClaimDecidesOnceAndTheDecisionIsAudited() {
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        String reviewId = seed("sh", FUDAN, "NON_RESIDENT_ID", false).toString();
        String fudan = ReviewDeskCalls.reviewer("reviewer-fudan", FUDAN);
        String admin = ReviewDeskCalls.admin("admin-sh", "sh");

        var unclaimed = desk.decide("sh", reviewId, fudan, "{\"approved\":true}");
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.problemCode()).isEqualTo("REVIEW_CLAIM_REQUIRED");
        assertThat(statusOf(reviewId)).isEqualTo("OPEN");

        var claimed = desk.claim("sh", reviewId, fudan);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().path("review").path("claim").path("mine").asBoolean()).isTrue();
        assertThat(claimed.json().path("review").path("claim").path("holder").asString()).isEqualTo("reviewer-fudan");
        // the other operator sees who holds it, and can neither claim, release nor decide it
        var seenByAdmin = desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, admin).json();
        assertThat(seenByAdmin.path("review").path("claim").path("mine").asBoolean()).isFalse();
        var taken = desk.claim("sh", reviewId, admin);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemCode()).isEqualTo("REVIEW_CLAIMED");
        assertThat(taken.json().path("detail").asString()).contains("reviewer-fudan");
        assertThat(desk.decide("sh", reviewId, admin, "{\"approved\":true}").problemCode()).isEqualTo("REVIEW_CLAIMED");
        assertThat(desk.release("sh", reviewId, admin).problemCode()).isEqualTo("REVIEW_NOT_CLAIMED");

        var noReason = desk.decide("sh", reviewId, fudan, "{\"approved\":false,\"reason\":\" \"}");
        assertThat(noReason.problemCode()).isEqualTo("REJECT_REASON_REQUIRED");
        var rejected = desk.decide("sh", reviewId, fudan, "{\"approved\":false,\"reason\":\"证件照片不清晰\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("review").path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("review").path("claim").isNull()).as("a decision ends the claim").isTrue();
        assertThat(rejected.json().path("review").path("decidedBy").asString()).isEqualTo("reviewer-fudan");
        var again = desk.decide("sh", reviewId, fudan, "{\"approved\":true}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("MANUAL_REVIEW_DECIDED");
        assertThat(desk.claim("sh", reviewId, fudan).problemCode()).isEqualTo("MANUAL_REVIEW_DECIDED");

        // OPS-3 audit: the claim and the decision, in the decision's transaction, with the reason typed
        assertThat(audited(reviewId, "review.claim")).hasSize(1);
        List<String> decisions = audited(reviewId, "review.decide");
        assertThat(decisions).singleElement().satisfies(envelope -> {
            assertThat(envelope).contains("\"operatorUsername\":\"reviewer-fudan\"").contains("证件照片不清晰")
                    .contains("\"result\":\"REJECTED\"").contains("\"bureau\":\"sh\"");
        });
        assertThat(jdbc.sql("select count(*) from messaging.outbox where event_key = (select candidate_id::text"
                + " from manual_review where id = ?::uuid) and envelope like '%ManualReviewDecided%'")
                .param(reviewId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ops3_aReleasedOrLapsedClaimLetsAnotherOperatorTakeTheCase() {
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        String reviewId = seed("sh", FUDAN, "SPECIAL_MAJOR", true).toString();
        String fudan = ReviewDeskCalls.reviewer("reviewer-fudan", FUDAN);
        String admin = ReviewDeskCalls.admin("admin-sh", "sh");

        assertThat(desk.claim("sh", reviewId, fudan).status()).isEqualTo(200);
        var released = desk.release("sh", reviewId, fudan);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().path("review").path("claim").isNull()).isTrue();
        assertThat(audited(reviewId, "review.release")).hasSize(1);
        assertThat(desk.claim("sh", reviewId, admin).status()).isEqualTo(200);

        // the admin's claim lapses (15 minutes): the reviewer may take it, the admin may no longer decide
        jdbc.sql("update manual_review set claimed_until = ? where id = ?::uuid")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), reviewId).update();
        assertThat(desk.decide("sh", reviewId, admin, "{\"approved\":true}").problemCode())
                .isEqualTo("REVIEW_CLAIM_REQUIRED");
        assertThat(desk.claim("sh", reviewId, fudan).status()).isEqualTo(200);
        assertThat(desk.decide("sh", reviewId, fudan, "{\"approved\":true}").status()).isEqualTo(200);
        assertThat(statusOf(reviewId)).isEqualTo("APPROVED");
    }

    @Test
    void ops3_rolesOutsideTheDeskAre403AndAnAuditorOnlyReads() {
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        String reviewId = seed("sh", FUDAN, "TOO_MANY_FAILURES", false).toString();
        String finance = ReviewDeskCalls.operator("finance-sh", "sh", null, "finance");
        String city = ReviewDeskCalls.operator("city-sh", "sh", null, "city-operator");
        String auditor = ReviewDeskCalls.operator("auditor-sh", "sh", null, "auditor");

        for (String outsider : List.of(finance, city)) {
            var list = desk.get("sh", ReviewDeskCalls.PATH, outsider);
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
            assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, outsider).status()).isEqualTo(403);
            assertThat(desk.claim("sh", reviewId, outsider).status()).isEqualTo(403);
        }
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "?status=OPEN", auditor).body()).contains(reviewId);
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, auditor).status()).isEqualTo(200);
        assertThat(desk.claim("sh", reviewId, auditor).problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(desk.decide("sh", reviewId, auditor, "{\"approved\":true}").status()).isEqualTo(403);
        assertThat(statusOf(reviewId)).isEqualTo("OPEN");
        assertThat(audited(reviewId, "review.claim")).isEmpty();
    }

    @Test
    void ops3_anotherUniversitysReviewerAndAnotherBureausOperatorGet404() {
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        String reviewId = seed("sh", FUDAN, "TOO_MANY_FAILURES", false).toString();
        String roster = seed(null, null, "TOO_MANY_FAILURES", false).toString();
        String shutcm = ReviewDeskCalls.reviewer("reviewer-shutcm", SHUTCM);
        String shandong = ReviewDeskCalls.admin("operator", "sd");
        String shanghai = ReviewDeskCalls.admin("admin-sh", "sh");
        String noUniversity = ReviewDeskCalls.operator("reviewer-none", "sh", null, "university-reviewer");

        for (String outsider : List.of(shutcm, noUniversity)) {
            var one = desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, outsider);
            assertThat(one.status()).isEqualTo(404);
            assertThat(one.problemCode()).isEqualTo("MANUAL_REVIEW_NOT_FOUND");
            assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId + "/photo", outsider).status())
                    .isEqualTo(404);
            assertThat(desk.claim("sh", reviewId, outsider).status()).isEqualTo(404);
            assertThat(desk.decide("sh", reviewId, outsider, "{\"approved\":true}").status()).isEqualTo(404);
            assertThat(desk.get("sh", ReviewDeskCalls.PATH, outsider).body()).doesNotContain(reviewId);
        }
        // Shandong's administrator at Shandong's address: Shanghai's review is not there, the roster review is
        assertThat(desk.get("sd", ReviewDeskCalls.PATH + "/" + reviewId, shandong).status()).isEqualTo(404);
        assertThat(desk.claim("sd", reviewId, shandong).status()).isEqualTo(404);
        assertThat(desk.get("sd", ReviewDeskCalls.PATH + "/" + roster, shandong).status()).isEqualTo(200);
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + roster, shanghai).status()).isEqualTo(404);
        // a token of Shandong at Shanghai's address is refused before any endpoint
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, shandong).status()).isEqualTo(404);
        assertThat(statusOf(reviewId)).isEqualTo("OPEN");
        assertThat(audited(reviewId, "review.claim")).isEmpty();
    }

    @Test
    void ops3_theQueueFiltersByStateReasonSpecialMajorUniversityAndDayAndPages() {
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        String university = "T" + (System.nanoTime() % 100_000_000L);
        String admin = ReviewDeskCalls.admin("admin-sh", "sh");
        String special = seed("sh", university, "SPECIAL_MAJOR", true).toString();
        String passport = seed("sh", university, "NON_RESIDENT_ID", false).toString();
        String failures = seed("sh", university, "TOO_MANY_FAILURES", false).toString();
        jdbc.sql("update manual_review set status = 'APPROVED', decided_at = now(), decided_by = 'x' where id = ?::uuid")
                .param(failures).update();
        String base = ReviewDeskCalls.PATH + "?university=" + university;

        var all = desk.get("sh", base, admin).json();
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(ids(desk.get("sh", base + "&status=OPEN", admin))).containsExactly(special, passport);
        assertThat(ids(desk.get("sh", base + "&status=DECIDED", admin))).containsExactly(failures);
        assertThat(ids(desk.get("sh", base + "&specialMajor=true", admin))).containsExactly(special);
        assertThat(ids(desk.get("sh", base + "&reason=NON_RESIDENT_ID", admin))).containsExactly(passport);
        var firstPage = desk.get("sh", base + "&status=OPEN&size=1&page=0", admin).json();
        assertThat(firstPage.path("total").asLong()).isEqualTo(2);
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(ids(desk.get("sh", base + "&status=OPEN&size=1&page=1", admin))).containsExactly(passport);
        assertThat(desk.get("sh", base + "&from=2000-01-01&to=2000-01-02", admin).json().path("total").asLong())
                .isZero();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(desk.get("sh", base + "&from=" + today + "&to=" + today, admin).json().path("total").asLong())
                .isEqualTo(3);
        var item = desk.get("sh", base + "&specialMajor=true", admin).json().path("items").get(0);
        assertThat(item.path("requestedReasonText").asString()).isEqualTo("特殊专业");
        assertThat(item.path("majorCode").asString()).isEqualTo("M100");
        assertThat(item.path("statusText").asString()).isEqualTo("人工审核中");

        assertThat(desk.get("sh", base + "&status=WAITING", admin).problemCode()).isEqualTo("REVIEW_STATUS_INVALID");
        assertThat(desk.get("sh", base + "&reason=X", admin).problemCode()).isEqualTo("REVIEW_REASON_INVALID");
        assertThat(desk.get("sh", base + "&size=101", admin).problemCode()).isEqualTo("PAGE_INVALID");
        assertThat(desk.get("sh", base + "&from=2026-13-01", admin).problemCode()).isEqualTo("DATE_INVALID");
    }

    private static List<String> ids(HttpProbe.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("items").valueStream().map(node -> node.path("id").asString()).toList();
    }

    private String statusOf(String reviewId) {
        return jdbc.sql("select status from manual_review where id = ?::uuid").param(reviewId).query(String.class)
                .single();
    }

    /** OperatorActed envelopes of this review and action, from the outbox (topic operator.actions). */
    private List<String> audited(String reviewId, String action) {
        return jdbc.sql("""
                select envelope from messaging.outbox where topic = 'operator.actions'
                and envelope like ? and envelope like ?""")
                .params("%\"subjectId\":\"" + reviewId + "\"%", "%\"action\":\"" + action + "\"%")
                .query(String.class).list();
    }

    /**
     * An OPEN review of a submitted photo; {@code bureau} null is a roster bureau's (no approval), otherwise a new
     * candidate's with an approval IN_REVIEW of {@code university} (major M100, special or not). Reviews of one call
     * are a millisecond apart, so the queue's order is the order of seeding.
     */
    private UUID seed(String bureau, String university, String reason, boolean specialMajor) {
        UUID candidate = UUID.randomUUID();
        UUID photo = UUID.randomUUID();
        UUID review = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into photo (id, candidate_id, object_key, content_type, byte_size, normalized_key, status,
                    submitted_at)
                values (?, ?, ?, 'image/jpeg', 1000, ?, 'SUBMITTED', ?)""")
                .params(photo, candidate, "photos/test/" + photo, "photos/test/n" + photo, Timestamp.from(now))
                .update();
        if (bureau != null) {
            jdbc.sql("""
                    insert into approval (candidate_id, bureau, university_code, major_code, id_type, special_major,
                        status, cause, failed_comparisons, photo_id, registered_at, changed_at)
                    values (?, ?, ?, 'M100', ?, ?, 'IN_REVIEW', ?, 0, ?, ?, ?)""")
                    .params(candidate, bureau, university, reason.equals("NON_RESIDENT_ID") ? "PASSPORT" : "RESIDENT_ID",
                            specialMajor, reason, photo, Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        jdbc.sql("""
                insert into manual_review (id, candidate_id, photo_id, status, requested_reason, requested_at, bureau,
                    university_code)
                values (?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
                .params(review, candidate, photo, reason, Timestamp.from(now), bureau, university).update();
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return review;
    }
}
