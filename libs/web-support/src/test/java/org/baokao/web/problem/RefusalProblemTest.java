package org.baokao.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A rule's refusal leaves the service as problem details whose status follows its kind. */
class RefusalProblemTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aRefusalBecomesProblemDetailsWithItsCodeAndChineseText() {
        ResponseEntity<ProblemDetail> answer = handler.refusal(Refusal.conflict("ALREADY_CONFIRMED", "报名信息已确认"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ProblemDetail problem = answer.getBody();
        assertThat(problem.getProperties()).containsEntry(Problems.CODE, "ALREADY_CONFIRMED");
        assertThat(problem.getDetail()).isEqualTo("报名信息已确认");
        assertThat(problem.getType()).hasToString("urn:baokao:problem:ALREADY_CONFIRMED");
    }

    @Test
    void aRefusalThatKnowsWhenToTryAgainSaysSoInRetryAfterInWholeSecondsRoundedUp() {
        ResponseEntity<ProblemDetail> answer = handler.refusal(
                Refusal.tooMany("TOO_FREQUENT", "操作过于频繁，请3秒后再试", Duration.ofMillis(2100)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answer.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("3");
        assertThat(handler.refusal(Refusal.tooMany("DAILY_LIMIT_REACHED", "今日次数已达上限")).getHeaders()
                .containsHeader(HttpHeaders.RETRY_AFTER)).as("no time to tell, no header").isFalse();
    }

    @Test
    void eachKindHasItsOwnStatusAndOnlyUnavailabilityIsAServerError() {
        assertThat(RefusalStatus.of(Refusal.Kind.INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(RefusalStatus.of(Refusal.Kind.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(RefusalStatus.of(Refusal.Kind.FORBIDDEN)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(RefusalStatus.of(Refusal.Kind.UNAUTHENTICATED)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(RefusalStatus.of(Refusal.Kind.LOCKED)).isEqualTo(HttpStatus.LOCKED);
        assertThat(RefusalStatus.of(Refusal.Kind.TOO_MANY)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(RefusalStatus.of(Refusal.Kind.TOO_LARGE)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(RefusalStatus.of(Refusal.Kind.UNSUPPORTED_FORMAT)).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(RefusalStatus.of(Refusal.Kind.REJECTED)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(RefusalStatus.of(Refusal.Kind.GONE)).isEqualTo(HttpStatus.GONE);
        assertThat(RefusalStatus.of(Refusal.Kind.VERSION_REQUIRED)).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            assertThat(RefusalStatus.of(kind).is5xxServerError()).as(kind.name())
                    .isEqualTo(kind == Refusal.Kind.UNAVAILABLE);
        }
    }
}
