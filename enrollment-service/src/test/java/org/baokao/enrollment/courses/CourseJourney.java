package org.baokao.enrollment.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;

import tools.jackson.databind.JsonNode;

/**
 * A bureau of the test's own with its 自考 sitting ({@link CoursePlans}' plan, OPEN gate), and its candidates walking
 * the course pages over HTTP against the service under test. A candidate holds 复旦大学 新闻学 and 华东师范大学 学前教育,
 * from account-service's import event played through real Kafka.
 */
final class CourseJourney {

    static final String COURSES = "/api/enrollments/self-study/courses";
    static final String ORDERS = "/api/enrollments/self-study/course-orders";
    static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    final HttpProbe http;
    final String bureau = BureauDrafts.newCode();
    final String sitting = "SH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    CourseJourney(HttpProbe http) {
        this.http = http;
        String operator = operator();
        Answer configured = BureauDrafts.put(http, operator, bureau, BureauDrafts.json(BureauDrafts.with(
                BureauDrafts.valid(bureau), b -> {
                    b.registrationExamCode = sitting;
                    b.registrationGate = "OPEN";
                    return b;
                })));
        assertThat(configured.status()).as(configured.body()).isEqualTo(201);
        Answer exam = ExamDrafts.post(http, operator, ExamDrafts.json(draft(b -> b)));
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
    }

    /** The sitting as configured, changed by {@code change}. */
    ExamDraft draft(UnaryOperator<ExamDrafts.Builder> change) {
        return ExamDrafts.with(ExamDrafts.selfStudy(sitting), b -> {
            b.bureau = bureau;
            b.catalogue = CoursePlans.catalogue();
            return change.apply(b);
        });
    }

    /** Replaces the sitting's configuration (an operator closing the registration window, a new pledge). */
    void reconfigure(UnaryOperator<ExamDrafts.Builder> change) {
        Answer updated = ExamDrafts.put(http, operator(), sitting, ExamDrafts.json(draft(change)));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    /** A candidate of this bureau holding both universities, once the import has arrived. */
    Candidate candidate() {
        Candidate candidate = new Candidate(UUID.randomUUID());
        EVENTS.publish(new ExistingCandidateImported(candidate.id, bureau, sitting, null, List.of(
                new ExistingCandidateImported.Held(CoursePlans.FUDAN, CoursePlans.JOURNALISM),
                new ExistingCandidateImported.Held(CoursePlans.ECNU, CoursePlans.PRESCHOOL)),
                Instant.parse("2026-09-02T01:00:00Z")));
        Eventually.value("the candidate's universities", () -> {
            JsonNode page = candidate.page().json();
            return page.path("universities").size() == 2 ? page : null;
        });
        return candidate;
    }

    static String operator() {
        return TestServers.issuer().token("op-1", "operator", "bureau-admin");
    }

    final class Candidate {

        final UUID id;
        final String token;

        Candidate(UUID id) {
            this.id = id;
            this.token = TestServers.issuer().candidateTokenOf(bureau, id.toString());
        }

        Answer page() {
            return send("GET", COURSES, null);
        }

        /** PUT selection with theory courses given as "10246-00642" and no practical ones. */
        Answer select(String... theory) {
            return send("PUT", COURSES + "/selection", selection(null, List.of(theory), List.of()));
        }

        Answer checkout() {
            return send("POST", ORDERS, null);
        }

        Answer pledge(String orderId, int version) {
            return send("POST", ORDERS + "/" + orderId + "/pledge", "{\"accept\": true, \"version\": " + version + "}");
        }

        /** 结算 and 我同意 the current pledge: the placed order. */
        JsonNode order(String... theory) {
            Answer selected = select(theory);
            assertThat(selected.status()).as(selected.body()).isEqualTo(200);
            Answer order = checkout();
            assertThat(order.status()).as(order.body()).isEqualTo(201);
            Answer placed = pledge(order.json().path("id").asString(), order.json().path("pledge").path("version")
                    .asInt());
            assertThat(placed.status()).as(placed.body()).isEqualTo(200);
            return placed.json();
        }

        Answer send(String method, String path, String json) {
            HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token)
                    .header(BureauAddress.HEADER, bureau);
            if (json == null) {
                return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
            }
            return http.send(request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)));
        }
    }

    /** The JSON of PUT selection; courses as "universityCode-courseCode". */
    static String selection(String remoteAreaCode, List<String> theory, List<String> practical) {
        return "{\"remoteAreaCode\": " + (remoteAreaCode == null ? "null" : "\"" + remoteAreaCode + "\"")
                + ", \"theory\": " + refs(theory) + ", \"practical\": " + refs(practical) + "}";
    }

    private static String refs(List<String> courses) {
        return courses.stream().map(course -> {
            String[] parts = course.split("-");
            return "{\"universityCode\": \"" + parts[0] + "\", \"courseCode\": \"" + parts[1] + "\"}";
        }).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** The state of theory course {@code course} ("10246-00642") on a course page. */
    static String theoryState(JsonNode page, String course) {
        return course(page, course, "theoryCourses").path("state").asString();
    }

    static JsonNode course(JsonNode page, String course, String kind) {
        String[] parts = course.split("-");
        for (JsonNode university : page.path("universities")) {
            if (university.path("universityCode").asString().equals(parts[0])) {
                for (JsonNode candidate : university.path(kind)) {
                    if (candidate.path("code").asString().equals(parts[1])) {
                        return candidate;
                    }
                }
            }
        }
        throw new AssertionError("no course " + course + " on the page");
    }
}
