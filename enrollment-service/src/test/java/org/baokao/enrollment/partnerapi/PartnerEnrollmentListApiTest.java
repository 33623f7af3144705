package org.baokao.enrollment.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.DEMO;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.STRANGER;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.ZJ;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.enrollment.exam.OperatorAuditRows;
import org.baokao.events.operator.OperatorActed;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * API-1 list of an exam's enrollments ({@code GET /open-api/v1/exams/{examCode}/enrollments}, scope
 * partner-enrollments) against real PostgreSQL: keyset pages with an opaque cursor, filters by status and registration
 * date, a bounded page size, items with the name and the masked ID number only, another bureau's exam 404, each page
 * audited; and a walk that stays exact while enrollments are inserted by transactions that commit out of order.
 */
@ServiceTest
class PartnerEnrollmentListApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ExamConfigurations exams;
    @Autowired
    LookupHasher hasher;
    @Autowired
    PersonalDataProtector sealer;

    HttpProbe http;
    PartnerFixtures fixtures;
    String exam;
    UUID examId;

    @BeforeEach
    void anExam() {
        http = HttpProbe.onLocalPort(port);
        BureauDrafts.ensure(http);
        fixtures = new PartnerFixtures(jdbc, hasher, sealer);
        exam = "SD-LIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        examId = exams.create(ExamDrafts.valid(exam)).id();
    }

    private String path() {
        return "/open-api/v1/exams/" + exam + "/enrollments";
    }

    @Test
    void api1_anItemCarriesTheReferenceStatusPaidDatesAndTheCandidatesNameAndMaskedIdNumberOnly() {
        PartnerFixtures.Candidate candidate = fixtures.candidate(exam, "王芳");
        Instant registered = Instant.parse("2026-03-10T02:00:00Z");
        UUID enrollment = fixtures.enrollment(examId, exam, candidate.id(), "COMPLETED", registered);

        Answer answer = http.get(path(), DEMO);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("items")).hasSize(1);
        JsonNode item = answer.json().path("items").get(0);
        assertThat(item.path("reference").asString()).isEqualTo(enrollment.toString());
        assertThat(item.path("examCode").asString()).isEqualTo(exam);
        assertThat(item.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(item.path("paid").asBoolean()).isTrue();
        assertThat(item.path("track").asString()).isEqualTo("UNIFIED");
        assertThat(Instant.parse(item.path("registeredAt").asString())).isEqualTo(registered);
        assertThat(item.path("candidate").path("name").asString()).isEqualTo("王芳");
        assertThat(item.path("candidate").path("idType").asString()).isEqualTo("RESIDENT_ID");
        String masked = item.path("candidate").path("idNumberMasked").asString();
        assertThat(masked).isEqualTo(candidate.idNumber().substring(0, 2) + "*".repeat(14)
                + candidate.idNumber().substring(16));
        assertThat(answer.body()).doesNotContain(candidate.idNumber()).doesNotContain(candidate.id().toString())
                .doesNotContain("131****8780");
        assertThat(answer.json().path("nextCursor").isNull()).as(answer.body()).isTrue();
        assertThat(answer.json().path("resumeCursor").asString()).isNotBlank();
    }

    @Test
    void api1_pagesFollowTheCursorUntilNextCursorIsNull() {
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < 11; i++) {
            PartnerFixtures.Candidate c = fixtures.candidate(exam, "考生" + i);
            inserted.add(fixtures.enrollment(examId, exam, c.id(), "CONFIRMED", Instant.now()).toString());
        }

        List<String> seen = walk(path() + "?limit=4");

        assertThat(seen).hasSize(11).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(inserted);
    }

    @Test
    void api1_filtersByStatusAndByRegistrationDayInBeijingTime() {
        PartnerFixtures.Candidate a = fixtures.candidate(exam, "甲");
        PartnerFixtures.Candidate b = fixtures.candidate(exam, "乙");
        PartnerFixtures.Candidate c = fixtures.candidate(exam, "丙");
        // 2026-03-09 23:30 and 2026-03-10 00:30 Beijing time
        UUID lateOn9th = fixtures.enrollment(examId, exam, a.id(), "COMPLETED", Instant.parse("2026-03-09T15:30:00Z"));
        UUID earlyOn10th = fixtures.enrollment(examId, exam, b.id(), "CONFIRMED",
                Instant.parse("2026-03-09T16:30:00Z"));
        UUID on11th = fixtures.enrollment(examId, exam, c.id(), "COMPLETED", Instant.parse("2026-03-11T05:00:00Z"));

        assertThat(references(http.get(path() + "?status=COMPLETED", DEMO)))
                .containsExactlyInAnyOrder(lateOn9th.toString(), on11th.toString());
        assertThat(references(http.get(path() + "?from=2026-03-10&to=2026-03-10", DEMO)))
                .containsExactly(earlyOn10th.toString());
        assertThat(references(http.get(path() + "?from=2026-03-10", DEMO)))
                .containsExactlyInAnyOrder(earlyOn10th.toString(), on11th.toString());
        assertThat(references(http.get(path() + "?to=2026-03-09&status=COMPLETED", DEMO)))
                .containsExactly(lateOn9th.toString());
    }

    @Test
    void api1_thePageSizeIsBounded() {
        assertThat(http.get(path() + "?limit=200", DEMO).status()).isEqualTo(200);
        Answer tooLarge = http.get(path() + "?limit=201", DEMO);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.problemCode()).isEqualTo("PAGE_SIZE_TOO_LARGE");
        assertThat(tooLarge.json().path("detail").asString()).contains("200");
        assertThat(http.get(path() + "?limit=99999999999999", DEMO).problemCode()).isEqualTo("PAGE_SIZE_TOO_LARGE");
        assertThat(http.get(path() + "?limit=0", DEMO).problemCode()).isEqualTo("PAGE_SIZE_INVALID");
        assertThat(http.get(path() + "?limit=ten", DEMO).problemCode()).isEqualTo("PAGE_SIZE_INVALID");
    }

    @Test
    void api1_theDefaultPageIs50() {
        for (int i = 0; i < 51; i++) {
            PartnerFixtures.Candidate c = fixtures.candidate(exam, "考生" + i);
            fixtures.enrollment(examId, exam, c.id(), "PLEDGE_ACCEPTED", Instant.now());
        }
        Answer first = http.get(path(), DEMO);
        assertThat(first.json().path("items")).hasSize(50);
        assertThat(first.json().path("nextCursor").asString()).isNotBlank();
    }

    @Test
    void api1_aGarbledOrForeignCursorIs400InvalidCursor() {
        PartnerFixtures.Candidate c = fixtures.candidate(exam, "丁");
        fixtures.enrollment(examId, exam, c.id(), "CONFIRMED", Instant.now());
        fixtures.enrollment(examId, exam, fixtures.candidate(exam, "戊").id(), "CONFIRMED", Instant.now());
        String cursor = http.get(path() + "?limit=1", DEMO).json().path("nextCursor").asString();
        assertThat(cursor).isNotBlank();

        String otherExam = "SD-LIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exams.create(ExamDrafts.valid(otherExam));
        String garbled = Base64.getUrlEncoder().withoutPadding().encodeToString("1|12|nonsense|3|x".getBytes());
        for (String bad : List.of("not*base64", garbled, cursor.substring(0, cursor.length() - 3),
                "A".repeat(500))) {
            Answer answer = http.get(path() + "?cursor=" + bad, DEMO);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo("INVALID_CURSOR");
        }
        Answer foreign = http.get("/open-api/v1/exams/" + otherExam + "/enrollments?cursor=" + cursor, DEMO);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.problemCode()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void api1_badFiltersAre400() {
        assertThat(http.get(path() + "?status=PAID", DEMO).problemCode()).isEqualTo("STATUS_INVALID");
        assertThat(http.get(path() + "?from=2026-13-01", DEMO).problemCode()).isEqualTo("DATE_INVALID");
        assertThat(http.get(path() + "?from=2026-03-02&to=2026-03-01", DEMO).problemCode())
                .isEqualTo("DATE_RANGE_INVALID");
    }

    @Test
    void api1_anotherBureausExamIs404AndItsScopeAndAListedPartnerAreNeeded() {
        String shExam = "SH-LIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exams.create(ExamDrafts.with(ExamDrafts.valid(shExam), b -> {
            b.bureau = "sh";
            return b;
        }));
        Answer other = http.get("/open-api/v1/exams/" + shExam + "/enrollments", DEMO);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        assertThat(http.get("/open-api/v1/exams/NO-SUCH-EXAM/enrollments", DEMO).problemCode())
                .isEqualTo("EXAM_NOT_FOUND");

        Answer noScope = http.get(path(), ZJ);
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.problemCode()).isEqualTo("SCOPE_MISSING");
        Answer unlisted = http.get(path(), STRANGER);
        assertThat(unlisted.status()).isEqualTo(403);
        assertThat(unlisted.problemCode()).isEqualTo("PARTNER_UNKNOWN");
    }

    @Test
    void api1_eachPageIsAuditedWithTheExamTheCandidatesAndTheirCount() {
        PartnerFixtures.Candidate a = fixtures.candidate(exam, "己");
        PartnerFixtures.Candidate b = fixtures.candidate(exam, "庚");
        fixtures.enrollment(examId, exam, a.id(), "CONFIRMED", Instant.now());
        fixtures.enrollment(examId, exam, b.id(), "COMPLETED", Instant.now());

        http.get(path() + "?status=COMPLETED&limit=10", DEMO);

        List<OperatorActed> audited = OperatorAuditRows.about(jdbc, exam);
        assertThat(audited).hasSize(1);
        OperatorActed acted = audited.getFirst();
        assertThat(acted.action()).isEqualTo("partner.enrollments.list");
        assertThat(acted.operatorUsername()).isEqualTo("partner-demo");
        assertThat(acted.bureau()).isEqualTo("sd");
        assertThat(acted.subjectType()).isEqualTo("exam");
        assertThat(acted.details()).containsEntry("count", "1").containsEntry("candidates", b.id().toString())
                .containsEntry("status", "COMPLETED").containsEntry("clientAddress", "127.0.0.1");
    }

    /**
     * The walk stays exact while enrollments are inserted: four writers insert enrollments in transactions that
     * hold their insert for a random while before committing (so later transactions often commit first), while a
     * partner walks the pages. The walk returns no enrollment twice and every enrollment that was there before it
     * began; and coming back from its resumeCursor once the writers have stopped returns exactly the rest: every
     * enrollment once, none missed — which a key taken at insert time without the watermark would miss.
     */
    @Test
    void api1_aWalkUnderConcurrentInsertsSeesEveryEarlierEnrollmentOnceAndResumingSeesTheRest() throws Exception {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            PartnerFixtures.Candidate c = fixtures.candidate(exam, "先" + i);
            before.add(fixtures.enrollment(examId, exam, c.id(), "CONFIRMED", Instant.now()).toString());
        }
        Set<String> insertedDuring = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            running.add(writers.submit(() -> {
                while (writing.get()) {
                    insertedDuring.add(insertSlowly().toString());
                }
                return null;
            }));
        }
        List<String> seen = new ArrayList<>();
        Answer last;
        try {
            Thread.sleep(50); // the writers are busy before the walk begins
            last = walkCollecting(path() + "?limit=7", seen);
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(30, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).containsAll(before);
        assertThat(insertedDuring).as("the writers inserted while the walk ran").isNotEmpty();

        List<String> rest = new ArrayList<>();
        walkCollecting(path() + "?limit=50&cursor=" + last.json().path("resumeCursor").asString(), rest);
        List<String> all = new ArrayList<>(seen);
        all.addAll(rest);
        assertThat(all).doesNotHaveDuplicates();
        Set<String> everything = new HashSet<>(before);
        everything.addAll(insertedDuring);
        assertThat(new HashSet<>(all)).isEqualTo(everything);
    }

    /**
     * The case a key taken at insert time gets wrong, made to happen: a transaction inserts an enrollment and stays
     * open while later transactions insert and commit theirs; a partner walks, and the slow transaction commits only
     * once the walk has reached the end of what it can see. Walk and resume together must return every enrollment
     * exactly once: the page end waits below the open transaction instead of passing it.
     */
    @Test
    void api1_anEnrollmentWhoseTransactionCommitsLateIsNeitherSkippedNorSeenTwice() throws Exception {
        Set<String> everything = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            everything.add(fixtures.enrollment(examId, exam, fixtures.candidate(exam, "早" + i).id(), "CONFIRMED",
                    Instant.now()).toString());
        }
        PartnerFixtures.Candidate late = fixtures.candidate(exam, "迟");
        List<String> seen = new ArrayList<>();
        Answer page;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            UUID lateEnrollment = UUID.randomUUID();
            try (PreparedStatement insert = slow.prepareStatement(PartnerFixtures.insertEnrollment())) {
                Object[] params = PartnerFixtures.enrollmentParams(lateEnrollment, examId, exam, late.id(),
                        "CONFIRMED", Instant.now());
                for (int i = 0; i < params.length; i++) {
                    insert.setObject(i + 1, params[i]);
                }
                insert.executeUpdate();
            }
            everything.add(lateEnrollment.toString());
            for (int i = 0; i < 5; i++) { // later transactions, committed at once
                everything.add(fixtures.enrollmentUnderWatermark(examId, exam, fixtures.candidate(exam, "后" + i).id(),
                        "CONFIRMED", Instant.now()).toString());
            }
            boolean committed = false;
            page = http.get(path() + "?limit=4", DEMO);
            for (int calls = 0; calls < 100; calls++) {
                seen.addAll(references(page));
                JsonNode next = page.json().path("nextCursor");
                if (next.isNull()) {
                    break;
                }
                if (!committed && page.json().path("items").size() < 4) {
                    slow.commit(); // the walk has seen all it may: now the slow transaction ends
                    committed = true;
                }
                page = http.get(path() + "?limit=4&cursor=" + next.asString(), DEMO);
            }
            if (!committed) {
                slow.commit();
            }
        }
        List<String> rest = new ArrayList<>();
        walkCollecting(path() + "?limit=4&cursor=" + page.json().path("resumeCursor").asString(), rest);

        List<String> all = new ArrayList<>(seen);
        all.addAll(rest);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(everything);
    }

    /** Inserts an enrollment and holds the transaction open 0-40 ms before committing. */
    private UUID insertSlowly() throws Exception {
        PartnerFixtures.Candidate c = fixtures.candidate(exam, "并发考生");
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(PartnerFixtures.insertEnrollment())) {
                Object[] params = PartnerFixtures.enrollmentParams(id, examId, exam, c.id(), "CONFIRMED",
                        Instant.now());
                for (int i = 0; i < params.length; i++) {
                    insert.setObject(i + 1, params[i]);
                }
                insert.executeUpdate();
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(40));
            connection.commit();
        }
        return id;
    }

    /** Every reference of a walk from {@code first} to the page whose nextCursor is null. */
    private List<String> walk(String first) {
        List<String> seen = new ArrayList<>();
        walkCollecting(first, seen);
        return seen;
    }

    /** Walks from {@code first}, adding each page's references to {@code seen}; answers the last page. */
    private Answer walkCollecting(String first, List<String> seen) {
        String base = first.replaceAll("&cursor=[^&]*", "");
        Answer page = http.get(first, DEMO);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            seen.addAll(references(page));
            JsonNode next = page.json().path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return page;
            }
            assertThat(Instant.now()).as("the walk ends").isBefore(deadline);
            page = http.get(base + "&cursor=" + next.asString(), DEMO);
        }
    }

    private static List<String> references(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> references = new ArrayList<>();
        answer.json().path("items").forEach(item -> references.add(item.path("reference").asString()));
        return references;
    }
}
