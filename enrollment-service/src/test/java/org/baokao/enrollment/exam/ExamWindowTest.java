package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExamWindowTest {

    private final Exam.Window window = new Exam.Window(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-10T00:00:00Z"));

    @Test
    void opensAtItsFirstInstantAndClosesAtItsLast() {
        assertThat(window.isOpenAt(Instant.parse("2026-02-28T23:59:59Z"))).isFalse();
        assertThat(window.isOpenAt(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2026-03-09T23:59:59Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2026-03-10T00:00:00Z"))).isFalse();
    }
}
