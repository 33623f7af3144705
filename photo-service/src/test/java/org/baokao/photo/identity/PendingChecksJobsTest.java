package org.baokao.photo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baokao.photo.photo.PhotoUploads;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** PHO-4: every pending comparison has its job on the job queue, also one queued before the queue existed. */
@ServiceTest(s3 = true)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class PendingChecksJobsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityChecks checks;

    @Test
    void submittingAPhotoQueuesItsCheckAsAJobInTheSameTransaction() {
        UUID check = submitNewPhoto();

        assertThat(jobs(check)).isEqualTo(1);
    }

    @Test
    void aPendingCheckWithoutItsJobGetsOneAtStartAndOnlyOne() {
        UUID check = submitNewPhoto();
        jdbc.sql("delete from jobs.scheduled_tasks where task_name = ? and task_instance = ?")
                .params(IdentityCheckJob.TASK, check.toString()).update(); // as if queued before the job queue

        assertThat(checks.scheduleAllPending(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(jobs(check)).isEqualTo(1);
        checks.scheduleAllPending(Instant.now());
        assertThat(jobs(check)).as("not twice").isEqualTo(1);
    }

    private UUID submitNewPhoto() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        var uploaded = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, 7));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        var submitted = api.submit(candidate, uploaded.json().path("id").asString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return jdbc.sql("select id from identity_check where candidate_id = ?").param(candidate).query(UUID.class)
                .single();
    }

    private long jobs(UUID check) {
        return jdbc.sql("select count(*) from jobs.scheduled_tasks where task_name = ? and task_instance = ?")
                .params(IdentityCheckJob.TASK, check.toString()).query(Long.class).single();
    }
}
