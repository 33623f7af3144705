package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * ENR-6: the unified exam and the veteran exemption (退役大学生士兵免试专升本) are exclusive. Veterans may start
 * both; only one can ever be confirmed, even when both confirmations race on real PostgreSQL.
 */
@ServiceTest
class TrackExclusivityApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String examCode = "T-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void anExam() {
        http = HttpProbe.onLocalPort(port);
        WizardJourney.createExam(http, ExamDrafts.valid(examCode));
    }

    /** ENR-6: only candidates the roster lists as 退役士兵 may take the veteran track. */
    @Test
    void onlyVeteransMayTakeTheVeteranTrack() {
        WizardJourney candidate = new WizardJourney(http, examCode).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");
        candidate.started();

        Answer veteran = candidate.start("VETERAN_EXEMPTION", null);

        assertThat(veteran.status()).isEqualTo(409);
        assertThat(veteran.problemCode()).isEqualTo("TRACK_NOT_ALLOWED");
        assertThat(veteran.json().path("detail").asString()).contains("退役大学生士兵免试专升本");
    }

    /** ENR-6: two confirmations of a veteran's two tracks at the same moment: exactly one wins. */
    @RepeatedTest(3)
    void racingConfirmationsOfBothTracksConfirmOnlyOne() throws Exception {
        WizardJourney unified = new WizardJourney(http, examCode).registered("VETERAN", "620403", "医学影像技术");
        unified.started();
        int unifiedVersion = unified.readyToConfirm(ConfirmationApiTest.MED_AT_HEZE).path("version").asInt();
        WizardJourney veteran = unified.sameCandidate();
        Answer started = veteran.start("VETERAN_EXEMPTION", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        veteran.enrollmentId = UUID.fromString(started.json().path("id").asString());
        assertThat(started.json().path("status").asString()).as("the photo is the candidate's").isEqualTo("PHOTO_DONE");
        Answer info = veteran.putPersonalInfo(WizardJourney.personalInfo(), started.json().path("version").asInt());
        Answer choice = veteran.putExamChoice("{\"examLocation\": \"3701\"}", info.json().path("version").asInt());
        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        assertThat(choice.json().path("examChoice").path("examNote").asString()).isEqualTo("不需要考试");
        int veteranVersion = choice.json().path("version").asInt();

        CyclicBarrier bothReady = new CyclicBarrier(2);
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> {
            await(bothReady);
            return unified.confirm(unifiedVersion);
        });
        CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> {
            await(bothReady);
            return veteran.confirm(veteranVersion);
        });
        List<Answer> answers = List.of(first.get(), second.get());

        assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
        Answer loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.problemCode()).as(loser.body()).isEqualTo("TRACK_EXCLUSIVE");
        assertThat(loser.json().path("detail").asString()).contains("不得兼报");
        assertThat(jdbc.sql("select count(*) from enrollment where candidate_id = ? and confirmed_at is not null")
                .param(unified.candidateId).query(Long.class).single()).isEqualTo(1);
        // the database itself refuses a second confirmed track, whatever the code in front of it does
        assertThatThrownBy(() -> jdbc.sql("update enrollment set confirmed_at = now(), fee_total_fen = 0 "
                + "where candidate_id = ? and confirmed_at is null").param(unified.candidateId).update())
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("enrollment_one_confirmed_track");
    }

    /** ENR-6, the reverse: a veteran confirmed for the exemption cannot start the unified exam any more. */
    @Test
    void aConfirmedTrackClosesTheOther() {
        WizardJourney veteran = new WizardJourney(http, examCode).registered("VETERAN", "620403", "医学影像技术");
        Answer started = WizardJourney.await(() -> {
            Answer a = veteran.start("VETERAN_EXEMPTION", null);
            return "PROFILE_NOT_READY".equals(a.problemCode()) ? null : a;
        });
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        veteran.enrollmentId = UUID.fromString(started.json().path("id").asString());
        JsonNode ready = veteran.readyToConfirm("{\"examLocation\": \"3701\"}");

        Answer confirmed = veteran.confirm(ready.path("version").asInt());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).as("veterans owe nothing").isEqualTo("COMPLETED");

        Answer unified = veteran.start(null, null);
        assertThat(unified.status()).isEqualTo(409);
        assertThat(unified.problemCode()).isEqualTo("TRACK_EXCLUSIVE");
        assertThat(unified.json().path("detail").asString()).contains("你已确认报考退役大学生士兵免试专升本");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
