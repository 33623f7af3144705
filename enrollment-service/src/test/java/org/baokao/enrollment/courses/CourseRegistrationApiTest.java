package org.baokao.enrollment.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.courses.CourseJourney.EVENTS;
import static org.baokao.enrollment.courses.CourseJourney.selection;
import static org.baokao.enrollment.courses.CourseJourney.theoryState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.baokao.enrollment.courses.CourseJourney.Candidate;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.selfstudy.CourseReadiness.Blocker;
import org.baokao.enrollment.selfstudy.CourseReadiness.Readiness;
import org.baokao.events.DomainEvent;
import org.baokao.events.EventCatalog;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.enrollment.CourseOrderLapsed;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * ENR-9, SST-5, SST-6 over HTTP against real PostgreSQL and Kafka: the course page, the selection with its slot rule,
 * 结算 and the 考生报考承诺书 that publishes {@code CourseOrderPlaced}, payment-service's PaymentSucceeded, 追加课程, the
 * lapse at the registration close. Each test has a bureau and sitting of its own ({@link CourseJourney}); readiness
 * is {@link TestReadiness}' (everyone ready unless the test says otherwise).
 */
@ServiceTest
@Import(TestReadiness.class)
class CourseRegistrationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestReadiness.SettableReadiness readiness;

    @Autowired
    CourseLapse lapse;

    @Autowired
    PaidCourses paidCourses;

    @Autowired
    JdbcClient jdbc;

    CourseJourney journey;
    Candidate candidate;

    @BeforeEach
    void aSittingOfItsOwn() {
        journey = new CourseJourney(HttpProbe.onLocalPort(port));
        candidate = journey.candidate();
    }

    @Test
    @DisplayName("ENR-9: each tick saves the whole selection (theory at two universities, practical, 远郊考区): 200 with"
            + " the course page, which reads the same afterwards")
    void selectionSave() {
        Answer saved = candidate.send("PUT", CourseJourney.COURSES + "/selection", selection("310116",
                List.of("10246-00642", "10269-00385"), List.of("10246-10001", "10246-10002")));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode page = saved.json();
        assertThat(page.path("examCode").asString()).isEqualTo(journey.sitting);
        assertThat(page.path("registrationOpen").asBoolean()).isTrue();
        assertThat(page.path("readiness").path("mayChoose").asBoolean()).isTrue();
        assertThat(page.path("remoteArea").path("name").asString()).isEqualTo("金山区");
        assertThat(page.path("remoteAreas")).hasSize(2);
        JsonNode fudan = page.path("universities").get(0);
        assertThat(fudan.path("universityName").asString()).isEqualTo("复旦大学");
        assertThat(fudan.path("majorName").asString()).isEqualTo("新闻学");
        JsonNode communication = CourseJourney.course(page, "10246-00642", "theoryCourses");
        assertThat(communication.path("state").asString()).isEqualTo("SELECTED");
        assertThat(communication.path("stateName").asString()).isEqualTo("已选择（未结算）");
        assertThat(communication.path("feeFen").asLong()).isEqualTo(4500);
        assertThat(communication.path("slot").path("date").asString()).isEqualTo("2026-10-24");
        assertThat(communication.path("slot").path("halfDay").asString()).isEqualTo("AM");
        assertThat(communication.path("slot").path("label").asString()).isEqualTo("2026年10月24日 上午");
        assertThat(theoryState(page, "10269-00385")).isEqualTo("SELECTED");
        assertThat(theoryState(page, "10269-00412")).isEqualTo("AVAILABLE");
        assertThat(CourseJourney.course(page, "10246-10001", "practicalCourses").path("state").asString())
                .isEqualTo("REGISTERED");
        JsonNode thesis = CourseJourney.course(page, "10246-10002", "practicalCourses");
        assertThat(thesis.path("state").asString()).isEqualTo("AWAITING_REVIEW");
        assertThat(thesis.path("stateName").asString()).isEqualTo("待主考学校审核");
        assertThat(thesis.path("slot").isNull()).isTrue();
        assertThat(page.path("orders")).isEmpty();
        assertThat(page.path("mayAppend").asBoolean()).isFalse();

        assertThat(candidate.page().json()).isEqualTo(page);
        assertThat(theoryState(candidate.select("10269-00385").json(), "10246-00642")).as("unticked")
                .isEqualTo("AVAILABLE");
    }

    @Test
    @DisplayName("ENR-9: the same half-day at another university is 409 SLOT_CONFLICT naming both courses, their"
            + " universities and the slot; a practical course's set time likewise (PRACTICAL_SLOT_CONFLICT)")
    void slotConflictRefusal() {
        assertThat(candidate.select("10269-00412").status()).isEqualTo(200);

        Answer refused = candidate.select("10269-00412", "10246-00642");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("SLOT_CONFLICT");
        assertThat(refused.json().path("detail").asString()).isEqualTo("《传播学概论》（复旦大学）与《学前心理学》（华东师范大学）"
                + "的考试时间都是2026年10月24日 上午，同一考试时间内只能选择一门课程");
        JsonNode page = candidate.page().json();
        assertThat(theoryState(page, "10269-00412")).isEqualTo("SELECTED");
        assertThat(theoryState(page, "10246-00642")).as("the refused tick is not saved").isEqualTo("AVAILABLE");

        Answer practical = candidate.send("PUT", CourseJourney.COURSES + "/selection", selection(null,
                List.of("10269-00412", "10246-00653"), List.of("10269-20001")));
        assertThat(practical.status()).isEqualTo(409);
        assertThat(practical.problemCode()).isEqualTo("PRACTICAL_SLOT_CONFLICT");
        assertThat(practical.json().path("detail").asString()).startsWith("实践课《计算机应用基础（实践）》（华东师范大学）与"
                + "《中外新闻作品研究》（复旦大学）的考试时间都是2026年10月24日 下午");
    }

    @Test
    @DisplayName("ENR-9: refusals are problems with Chinese details: not ready (with the blockers), a course of no major"
            + " held, an unknown outer area, bad JSON")
    void refusals() {
        readiness.set(candidate.id, new Readiness(List.of(new Blocker("PHONE_NOT_VERIFIED", "请先验证手机号",
                "/first-login")), null, null));
        Answer notReady = candidate.select("10246-00642");
        assertThat(notReady.status()).as(notReady.body()).isEqualTo(409);
        assertThat(notReady.problemCode()).isEqualTo("COURSES_NOT_READY");
        assertThat(notReady.json().path("blockers").get(0).path("link").asString()).isEqualTo("/first-login");
        assertThat(notReady.json().path("detail").asString()).isEqualTo("选课前请先完成以下事项：请先验证手机号");
        assertThat(candidate.page().json().path("readiness").path("mayChoose").asBoolean()).isFalse();
        readiness.set(candidate.id, TestReadiness.READY);

        Answer otherMajor = candidate.select("10246-00230");
        assertThat(otherMajor.status()).isEqualTo(404);
        assertThat(otherMajor.problemCode()).isEqualTo("COURSE_NOT_FOUND");
        assertThat(otherMajor.json().path("detail").asString()).isEqualTo("所选课程（10246-00230）不在您所报考专业的考试计划中，"
                + "请重新选择");
        Answer area = candidate.send("PUT", CourseJourney.COURSES + "/selection",
                selection("310101", List.of(), List.of()));
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.problemCode()).isEqualTo("REMOTE_AREA_UNKNOWN");
        for (String bad : List.of("{\"theory\": [", "[1, 2]", "{\"theory\": [{\"universityCode\": \"10246\"}]}",
                "{\"theory\": \"10246-00642\"}")) {
            Answer malformed = candidate.send("PUT", CourseJourney.COURSES + "/selection", bad);
            assertThat(malformed.status()).as(bad + " → " + malformed.body()).isEqualTo(400);
            assertThat(malformed.problemCode()).isEqualTo("MALFORMED_REQUEST");
            assertThat(malformed.json().path("detail").asString()).isEqualTo("请求格式不正确");
        }
        Answer noBody = candidate.send("PUT", CourseJourney.COURSES + "/selection", null);
        assertThat(noBody.status()).isIn(400, 415);
        assertThat(StreamSupport.stream(candidate.page().json().path("universities").spliterator(), false)
                .flatMap(u -> StreamSupport.stream(u.path("theoryCourses").spliterator(), false))
                .map(c -> c.path("state").asString())).containsOnly("AVAILABLE");
    }

    @Test
    @DisplayName("SST-6: 结算 makes an order waiting for the 考生报考承诺书; 我同意 places it and publishes CourseOrderPlaced"
            + " through the outbox (one item per course, 3101, the payment window, lapsesAt = the registration close)")
    void checkoutAndPledgePublishCourseOrderPlaced() {
        candidate.select("10246-00642", "10269-00398");

        Answer checkout = candidate.checkout();

        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        JsonNode order = checkout.json();
        String id = order.path("id").asString();
        assertThat(checkout.header("Location")).hasValue(CourseJourney.ORDERS + "/" + id);
        assertThat(order.path("status").asString()).isEqualTo("AWAITING_PLEDGE");
        assertThat(order.path("totalFen").asLong()).isEqualTo(9000);
        assertThat(order.path("items")).hasSize(2);
        assertThat(order.path("items").get(0).path("courseName").asString()).isEqualTo("传播学概论");
        assertThat(order.path("pledge").path("title").asString()).isEqualTo("考生报考承诺书");
        assertThat(order.path("pledge").path("text").asString()).isEqualTo("本人承诺所填报考信息真实准确。");
        int version = order.path("pledge").path("version").asInt();
        assertThat(candidate.checkout().status()).as("结算 again answers the waiting order").isEqualTo(200);
        JsonNode page = candidate.page().json();
        assertThat(theoryState(page, "10246-00642")).isEqualTo("ORDERED");
        assertThat(outbox(CourseOrderPlaced.class, candidate.id)).as("nothing before the pledge").isEmpty();

        Answer unaccepted = candidate.send("POST", CourseJourney.ORDERS + "/" + id + "/pledge",
                "{\"accept\": false, \"version\": " + version + "}");
        assertThat(unaccepted.status()).isEqualTo(400);
        assertThat(unaccepted.problemCode()).isEqualTo("PLEDGE_REQUIRED");
        Answer outdated = candidate.pledge(id, version + 1);
        assertThat(outdated.status()).isEqualTo(409);
        assertThat(outdated.problemCode()).isEqualTo("PLEDGE_VERSION_OUTDATED");

        Answer placed = candidate.pledge(id, version);

        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().path("status").asString()).isEqualTo("PLACED");
        assertThat(placed.json().path("statusName").asString()).isEqualTo("未支付");
        assertThat(candidate.pledge(id, version).status()).as("我同意 twice").isEqualTo(200);
        List<CourseOrderPlaced> events = outbox(CourseOrderPlaced.class, candidate.id);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.courseOrderId()).hasToString(id);
            assertThat(event.bureau()).isEqualTo(journey.bureau);
            assertThat(event.examCode()).isEqualTo(journey.sitting);
            assertThat(event.examName()).isEqualTo("2026年10月上海市高等教育自学考试");
            assertThat(event.examLocationCode()).isEqualTo("3101");
            assertThat(event.items()).containsExactly(
                    new CourseOrderPlaced.Item("10246-00642", "复旦大学 传播学概论", 4500),
                    new CourseOrderPlaced.Item("10269-00398", "华东师范大学 学前教育原理", 4500));
            assertThat(event.paymentOpensAt()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
            assertThat(event.paymentDailyOpens()).isEqualTo("08:00");
            assertThat(event.paymentDailyCloses()).isEqualTo("22:00");
            assertThat(event.lapsesAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        });
    }

    @Test
    @DisplayName("PAY-5: PaymentSucceeded of the course order (through Kafka, the wizard's payment consumer) makes its"
            + " courses PAID; a payment of another amount leaves it unpaid")
    void paymentSucceededMakesPaid() {
        JsonNode order = candidate.order("10246-00642", "10269-00398");
        UUID orderId = UUID.fromString(order.path("id").asString());
        Instant wrongAt = Instant.parse("2026-09-03T01:00:00Z");
        Instant paidAt = Instant.parse("2026-09-03T01:05:00Z");

        EVENTS.publish(new PaymentSucceeded(UUID.randomUUID(), orderId, candidate.id, 4500, "PUBLIC_PAYMENT_PLATFORM",
                "SBX-1", wrongAt, "2026年10月上海市高等教育自学考试"));
        EVENTS.publish(new PaymentSucceeded(UUID.randomUUID(), orderId, candidate.id, 9000, "PUBLIC_PAYMENT_PLATFORM",
                "SBX-2", paidAt, "2026年10月上海市高等教育自学考试"));

        JsonNode paid = Eventually.value("the order paid", () -> {
            JsonNode one = candidate.send("GET", CourseJourney.ORDERS + "/" + orderId, null).json();
            return one.path("status").asString().equals("PAID") ? one : null;
        });
        assertThat(paid.path("paidAt").asString()).as("the payment of the total, not the other").isEqualTo(
                paidAt.toString());
        assertThat(paid.path("statusName").asString()).isEqualTo("已支付");
        JsonNode page = candidate.page().json();
        assertThat(theoryState(page, "10246-00642")).isEqualTo("PAID");
        assertThat(CourseJourney.course(page, "10246-00642", "theoryCourses").path("stateName").asString())
                .isEqualTo("已支付");
        assertThat(page.path("mayAppend").asBoolean()).isTrue();
        assertThat(paidCourses.of(candidate.id, journey.bureau)).extracting(PaidCourses.HeldCourse::courseCode)
                .containsExactly("00642", "00398");
    }

    @Test
    @DisplayName("SST-5 追加课程: refused while the order is unpaid (ORDER_UNPAID); after payment a new 结算 orders only"
            + " the added courses")
    void appendingAfterPayment() {
        JsonNode first = candidate.order("10246-00642");
        Answer early = candidate.select("10246-00642", "10246-00653");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problemCode()).isEqualTo("ORDER_UNPAID");
        assertThat(early.json().path("detail").asString()).isEqualTo("追加课程须在已提交的课程全部支付成功以后");
        pay(first, 4500);

        JsonNode added = candidate.order("10246-00642", "10246-00653", "10269-00385");

        assertThat(added.path("id").asString()).isNotEqualTo(first.path("id").asString());
        assertThat(added.path("items")).extracting(item -> item.path("courseCode").asString())
                .containsExactly("00653", "00385");
        assertThat(added.path("totalFen").asLong()).isEqualTo(9000);
        JsonNode page = candidate.page().json();
        assertThat(page.path("orders")).extracting(o -> o.path("status").asString()).containsExactly("PAID",
                "PLACED");
        assertThat(theoryState(page, "10246-00642")).isEqualTo("PAID");
        assertThat(theoryState(page, "10246-00653")).isEqualTo("ORDERED");
        assertThat(page.path("mayAppend").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("SST-6: after the registration close the lapse job lapses placed and waiting orders and drops"
            + " selections (CourseOrderLapsed for the placed one only, once however often it runs); the page says"
            + " 已失效 and 课程报考视为无效; a payment made before the close still pays the lapsed order")
    void lapseAtTheRegistrationClose() {
        JsonNode placed = candidate.order("10246-00642");
        candidate.send("PUT", CourseJourney.COURSES + "/selection", selection(null, List.of(),
                List.of("10246-10002")));
        Candidate waiting = journey.candidate();
        waiting.select("10269-00412");
        String waitingOrder = waiting.checkout().json().path("id").asString();
        Candidate selecting = journey.candidate();
        selecting.select("10269-00385");

        journey.reconfigure(b -> b.set(x -> x.registration = new ExamDraft.WindowDraft(
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"))));
        lapse.lapseClosedSittings();
        lapse.lapseClosedSittings();

        JsonNode page = candidate.page().json();
        assertThat(page.path("registrationOpen").asBoolean()).isFalse();
        assertThat(page.path("orders").get(0).path("status").asString()).isEqualTo("LAPSED");
        assertThat(page.path("orders").get(0).path("statusName").asString()).isEqualTo("已失效");
        assertThat(CourseJourney.course(page, "10246-00642", "theoryCourses").path("stateName").asString())
                .isEqualTo("已失效（未在报名截止前支付）");
        assertThat(page.path("lapsedNotice").asString()).isEqualTo("未在报名截止前完成支付，课程报考视为无效");
        assertThat(CourseJourney.course(page, "10246-10002", "practicalCourses").path("state").asString())
                .as("practical registrations stay").isEqualTo("AWAITING_REVIEW");
        assertThat(outbox(CourseOrderLapsed.class, candidate.id)).singleElement()
                .satisfies(event -> assertThat(event.courseOrderId()).hasToString(placed.path("id").asString()));
        assertThat(waiting.send("GET", CourseJourney.ORDERS + "/" + waitingOrder, null).json().path("status")
                .asString()).isEqualTo("LAPSED");
        assertThat(outbox(CourseOrderLapsed.class, waiting.id)).as("never known to payment-service").isEmpty();
        assertThat(theoryState(selecting.page().json(), "10269-00385")).isEqualTo("LAPSED");
        Answer closed = selecting.select("10269-00385");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.problemCode()).isEqualTo("REGISTRATION_CLOSED");

        pay(placed, 4500);
        assertThat(theoryState(candidate.page().json(), "10246-00642")).isEqualTo("PAID");
    }

    @Test
    @DisplayName("SST-6: another candidate's order is 404 COURSE_ORDER_NOT_FOUND (read, pledge, withdraw); an order"
            + " waiting for the pledge is withdrawn and its courses are selected again")
    void anotherCandidatesOrderAndWithdrawing() {
        candidate.select("10246-00642");
        String id = candidate.checkout().json().path("id").asString();
        Candidate other = journey.candidate();

        for (Answer answer : List.of(other.send("GET", CourseJourney.ORDERS + "/" + id, null), other.pledge(id, 1),
                other.send("DELETE", CourseJourney.ORDERS + "/" + id, null),
                other.send("GET", CourseJourney.ORDERS + "/not-an-id", null))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.problemCode()).isEqualTo("COURSE_ORDER_NOT_FOUND");
            assertThat(answer.json().path("detail").asString()).isEqualTo("课程订单不存在");
        }

        Answer withdrawn = candidate.send("DELETE", CourseJourney.ORDERS + "/" + id, null);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode page = candidate.page().json();
        assertThat(theoryState(page, "10246-00642")).isEqualTo("SELECTED");
        assertThat(page.path("orders")).as("withdrawn orders are not listed").isEmpty();
        assertThat(candidate.pledge(id, 1).problemCode()).isEqualTo("COURSE_ORDER_NOT_AWAITING_PLEDGE");
    }

    @Test
    @DisplayName("SST-6: a candidate under manual review chooses courses but 结算 is 409 APPROVAL_REQUIRED; nothing"
            + " selected is 409 NOTHING_SELECTED")
    void approvalRequiredForCheckout() {
        assertThat(candidate.checkout().problemCode()).isEqualTo("NOTHING_SELECTED");
        readiness.set(candidate.id, new Readiness(List.of(), new Blocker("APPROVAL_REQUIRED",
                "您的报名信息正在人工审核，审核通过后才能缴费", "/review"), null));

        assertThat(candidate.select("10246-00642").status()).isEqualTo(200);
        Answer refused = candidate.checkout();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(refused.json().path("detail").asString()).isEqualTo("您的报名信息正在人工审核，审核通过后才能缴费");
        assertThat(theoryState(candidate.page().json(), "10246-00642")).isEqualTo("SELECTED");
    }

    /** payment-service's PaymentSucceeded for the whole of {@code order}, waited for. */
    private void pay(JsonNode order, long amountFen) {
        UUID orderId = UUID.fromString(order.path("id").asString());
        EVENTS.publish(new PaymentSucceeded(UUID.randomUUID(), orderId, candidate.id, amountFen,
                "PUBLIC_PAYMENT_PLATFORM", "SBX-" + orderId, Instant.parse("2026-09-03T01:05:00Z"), null));
        Eventually.value("the order paid", () -> candidate.send("GET", CourseJourney.ORDERS + "/" + orderId, null)
                .json().path("status").asString().equals("PAID") ? true : null);
    }

    /** The events of {@code type} this service's outbox holds for the candidate, oldest first. */
    private <T extends DomainEvent> List<T> outbox(Class<T> type, UUID candidateId) {
        String name = EventCatalog.describe(type).type();
        return jdbc.sql("select envelope from messaging.outbox where event_key = ? order by id")
                .param(candidateId.toString()).query(String.class).list().stream().map(EventCodec::read)
                .filter(envelope -> envelope.type().equals(name))
                .map((EventEnvelope envelope) -> EventCodec.payload(envelope, type)).toList();
    }
}
