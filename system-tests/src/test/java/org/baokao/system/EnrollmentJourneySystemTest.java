package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.LocalStack;
import org.baokao.testkit.SyntheticPortraits;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ENR-1..ENR-5, ENR-7 and PAY-1..PAY-4, PAY-7 on the whole platform: a candidate the operator put on the demo
 * exam's roster registers, logs in and walks the Shandong wizard through the gateway, from the pledge to a
 * confirmed enrollment, pays at the sandbox bank, downloads the receipt and makes an allowed edit. Nothing is
 * played by the test: the roster and registration reach enrollment-service as account-service's events, the photo
 * step's verdicts as photo-service's (a portrait uploaded from the desktop, compared by the sandbox identity
 * provider), and the fee order, the bank and its signed notification are real.
 */
class EnrollmentJourneySystemTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofLocalStack();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXAM = LocalStack.DEMO_EXAM;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The candidate's browser at the bank: redirects are looked at, not followed. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void aDemoCandidateGoesFromPledgeToConfirmationAndPaymentThroughTheGateway() throws Exception {
        List<Candidate> candidates = LocalStack.newCandidates(2, "Wizard@2026");
        Candidate candidate = candidates.get(0);
        Candidate other = candidates.get(1);
        LocalStack.putOnRoster(EXAM, candidates, LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        candidates.forEach(journey::register);
        String token = journey.login(candidate).accessToken();
        String otherToken = journey.login(other).accessToken();
        UUID candidateId = UUID.fromString(
                Stack.GATEWAY.get("/api/accounts/me", token).json().path("candidateId").asString());
        EnrollmentClient wizard = new EnrollmentClient(Stack.GATEWAY, token);

        // step 1, 报考承诺: the pledge version shown is the one accepted
        int pledgeVersion = Stack.GATEWAY.get("/api/enrollments/public/exams/" + EXAM + "/pledge").json()
                .path("version").asInt();
        Answer started = await("the roster projection to know the candidate", () -> {
            Answer answer = wizard.start(EXAM, "{\"accepted\": true, \"pledgeVersion\": " + pledgeVersion + "}");
            return "PROFILE_NOT_READY".equals(problemCode(answer)) ? null : answer;
        });
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        UUID enrollmentId = UUID.fromString(started.json().path("id").asString());
        assertThat(started.json().path("status").asString()).isEqualTo("PLEDGE_ACCEPTED");
        assertThat(started.json().path("pledge").path("version").asInt()).isEqualTo(pledgeVersion);
        // the roster's data, prefilled (ENR-3), never the full ID number
        JsonNode roster = started.json().path("candidate");
        assertThat(roster.path("name").asString()).isEqualTo("测试考生零");
        assertThat(roster.path("majorName").asString()).isEqualTo("医学影像技术");
        assertThat(started.body()).doesNotContain(candidate.idNumber());

        // skipping the photo step is refused and changes nothing
        Answer skipped = wizard.putPersonalInfo(enrollmentId, EnrollmentClient.personalInfo("a@example.com"),
                version(wizard, enrollmentId));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(409);
        assertThat(skipped.json().path("code").asString()).isEqualTo("STEP_NOT_ALLOWED");

        // step 2, 采集个人照片 from the desktop (PHO-2..PHO-4): photo-service checks the portrait and, once it is
        // confirmed, announces it (PhotoAccepted) and compares it with the sandbox identity provider, whose first photo
        // of a subject becomes its reference: a match (IdentityVerified), so the wizard shows 比对通过
        Answer uploaded = Stack.uploadPhoto("/api/photos", token, SyntheticPortraits.portraitJpeg(1224, 11));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        UUID photoId = UUID.fromString(uploaded.json().path("id").asString());
        Answer submitted = Stack.GATEWAY.send(Stack.GATEWAY.request("/api/photos/" + photoId + "/submit")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(EVENTS.matching(PhotoAccepted.class, event -> event.candidateId().equals(candidateId), 1))
                .singleElement().satisfies(event -> assertThat(event.photoId()).isEqualTo(photoId));
        assertThat(EVENTS.matching(IdentityVerified.class, event -> event.candidateId().equals(candidateId), 1))
                .singleElement().satisfies(event -> assertThat(event.photoId()).isEqualTo(photoId));
        JsonNode photoDone = awaitView(wizard, enrollmentId, view -> view.path("identityStatus").asString()
                .equals("PASSED"));
        assertThat(photoDone.path("status").asString()).isEqualTo("PHOTO_DONE");
        assertThat(photoDone.path("identityStatusName").asString()).isEqualTo("比对通过");

        // step 3, 填写个人信息
        Answer info = wizard.putPersonalInfo(enrollmentId, EnrollmentClient.personalInfo("kaosheng@example.com"),
                photoDone.path("version").asInt());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertThat(info.json().path("status").asString()).isEqualTo("PERSONAL_INFO_SAVED");

        // step 4, 选择考试地点和科目组: the manual's example 620403 → 英语、计算机、大学语文、高等数学II
        int afterInfo = info.json().path("version").asInt();
        Answer notInExam = wizard.putExamChoice(enrollmentId, "{\"examLocation\": \"3112\", \"subjectGroup\": "
                + "\"MED-TECH\"}", afterInfo);
        assertThat(notInExam.status()).as(notInExam.body()).isEqualTo(400);
        assertThat(notInExam.json().path("code").asString()).isEqualTo("LOCATION_NOT_IN_EXAM");
        Answer choice = wizard.putExamChoice(enrollmentId, "{\"examLocation\": \"3701\", \"subjectGroup\": "
                + "\"MED-TECH\"}", afterInfo);
        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        assertThat(choice.json().path("examChoice").path("subjectNames").asString())
                .isEqualTo("英语、计算机、大学语文、高等数学II");

        // step 5, 确认报名信息: locks the choice; the fee order is asked for with 报名 + four subjects
        int beforeConfirm = choice.json().path("version").asInt();
        Answer confirmed = wizard.confirm(enrollmentId, beforeConfirm);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("fees").path("totalFen").asLong()).isEqualTo(23000);
        assertThat(confirmed.json().path("fees").path("paymentStatus").asString()).isEqualTo("UNPAID");
        Answer doubleClick = wizard.confirm(enrollmentId, beforeConfirm);
        assertThat(doubleClick.status()).as("a double click answers the confirmed enrollment").isEqualTo(200);
        assertThat(doubleClick.json().path("version").asInt()).isEqualTo(confirmed.json().path("version").asInt());
        Answer staleTab = wizard.putExamChoice(enrollmentId, "{\"examLocation\": \"3702\", \"subjectGroup\": "
                + "\"MED-TECH\"}", beforeConfirm);
        assertThat(staleTab.status()).as("a second tab still showing step 4").isEqualTo(409);
        assertThat(wizard.get(enrollmentId).json().path("examChoice").path("examLocation").asString())
                .isEqualTo("3701");
        List<EnrollmentConfirmed> asked = EVENTS.matching(EnrollmentConfirmed.class,
                event -> event.enrollmentId().equals(enrollmentId), 1);
        assertThat(asked).singleElement().satisfies(event -> {
            assertThat(event.totalFen()).isEqualTo(23000);
            assertThat(event.examLocationCode()).isEqualTo("3701");
            assertThat(event.candidateId()).isEqualTo(candidateId);
        });

        // step 6, 网上缴费 (PAY-1..PAY-4, PAY-7): payment-service opens the itemised order, routed by the exam
        // location (济南 → 中国光大银行); the candidate pays at the sandbox bank, whose signed notification pays it
        JsonNode order = Eventually.value("payment-service to open the order", PATIENCE, () -> {
            JsonNode orders = Stack.GATEWAY.get("/api/payments/orders?enrollmentId=" + enrollmentId, token).json();
            return orders.isArray() && !orders.isEmpty() ? orders.get(0) : null;
        });
        String orderId = order.path("id").asString();
        assertThat(order.path("amountFen").asLong()).isEqualTo(23000);
        assertThat(order.path("channel").asString()).isEqualTo("CEB");
        Answer paying = pay(token, orderId, "click-1");
        assertThat(paying.status()).as(paying.body()).isEqualTo(200);
        String payUrl = paying.json().path("payUrl").asString();
        assertThat(pay(token, orderId, "click-1").json().path("payUrl").asString()).as("a double click")
                .isEqualTo(payUrl);
        HttpResponse<String> bankPage = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bankPage.body()).contains("沙箱").contains("中国光大银行").contains("确认支付");
        HttpResponse<String> pressed = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pressed.statusCode()).as("back to the platform").isEqualTo(303);

        JsonNode completed = Eventually.value("the enrollment to complete", PATIENCE, () -> {
            JsonNode view = wizard.get(enrollmentId).json();
            return view.path("status").asString().equals("COMPLETED") ? view : null;
        });
        assertThat(completed.path("fees").path("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(EVENTS.matching(PaymentSucceeded.class, event -> event.enrollmentId().equals(enrollmentId), 1))
                .hasSize(1);
        assertThat(EVENTS.matching(EnrollmentCompleted.class, event -> event.enrollmentId().equals(enrollmentId), 1))
                .singleElement().satisfies(event -> assertThat(event.orderId().toString()).isEqualTo(orderId));
        // PAY-4 end to end: the bank's notification delivered 10 more times at once changes nothing: one payment,
        // one PaymentSucceeded, one SMS to the candidate (account-service → notification-service → SMS gateway)
        HttpProbe sandbox = Stack.SANDBOX;
        String bankOrder = "/sandbox/bank/CEB/test/orders/" + orderId.replace("-", "") + "/notification";
        Map<String, String> signed = JSON.readValue(sandbox.get(bankOrder).body(), new TypeReference<>() {
        });
        try (ExecutorService bank = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = bank.invokeAll(IntStream.range(0, 10)
                    .mapToObj(i -> (Callable<Integer>) () -> notifyPayment("ceb", signed)).toList());
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).as("each copy acknowledged").isEqualTo(200);
            }
        }
        assertThat(EVENTS.matching(PaymentSucceeded.class, event -> event.enrollmentId().equals(enrollmentId), 1))
                .as("one PaymentSucceeded after the duplicates").hasSize(1);
        List<String> paymentSms = Eventually.value("the payment SMS", PATIENCE, () -> {
            List<String> texts = sandbox.get("/sandbox/sms/api/messages?phone=" + candidate.phone()).json()
                    .findValuesAsString("content").stream().filter(text -> text.contains("报名费")).toList();
            return texts.isEmpty() ? null : texts;
        });
        Thread.sleep(Duration.ofSeconds(3)); // a second SMS, if any, would be on its way by now
        assertThat(sandbox.get("/sandbox/sms/api/messages?phone=" + candidate.phone()).json()
                .findValuesAsString("content").stream().filter(text -> text.contains("报名费")))
                .as("one SMS: %s", paymentSms).hasSize(1).first().asString().contains("230.00");
        HttpResponse<byte[]> receipt = BROWSER.send(HttpRequest.newBuilder(
                URI.create(LocalStack.GATEWAY + "/api/payments/orders/" + orderId + "/receipt"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(new String(receipt.body(), 0, 5, StandardCharsets.US_ASCII)).as("a PDF").isEqualTo("%PDF-");

        // step 7, 预览报名信息, then 修改部分报名信息 (ENR-7): the email may change, the exam location may not
        Answer preview = wizard.preview(enrollmentId);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("英语").contains("高等数学II").doesNotContain(candidate.idNumber());
        int version = completed.path("version").asInt();
        Answer edited = wizard.patch(enrollmentId, "{\"email\": \"new@example.com\"}", version);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Answer locked = wizard.patch(enrollmentId, "{\"examLocation\": \"3702\"}", edited.json().path("version")
                .asInt());
        assertThat(locked.status()).as(locked.body()).isEqualTo(409);
        assertThat(locked.json().path("code").asString()).isEqualTo("FIELD_LOCKED");
        assertThat(wizard.mine().json().findValuesAsString("id")).contains(enrollmentId.toString());

        // another candidate cannot even learn that the enrollment exists
        Answer foreign = new EnrollmentClient(Stack.GATEWAY, otherToken).get(enrollmentId);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.json().path("code").asString()).isEqualTo("ENROLLMENT_NOT_FOUND");
    }

    /** The bank's form-encoded notification, as the bank posts it through the gateway; answers the status. */
    private static int notifyPayment(String channel, Map<String, String> params) {
        String form = params.entrySet().stream().map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return Stack.GATEWAY.send(Stack.GATEWAY.request("/api/payments/notify/" + channel)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).status();
    }

    /** 去缴费: the pay action with its idempotency key. */
    private static Answer pay(String token, String orderId, String idempotencyKey) {
        return Stack.GATEWAY.send(Stack.GATEWAY.request("/api/payments/orders/" + orderId + "/pay")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static int version(EnrollmentClient wizard, UUID enrollmentId) {
        return wizard.get(enrollmentId).json().path("version").asInt();
    }

    private static JsonNode awaitView(EnrollmentClient wizard, UUID enrollmentId, Predicate<JsonNode> until) {
        return await("the enrollment to reach the expected state", () -> {
            JsonNode view = wizard.get(enrollmentId).json();
            return until.test(view) ? view : null;
        });
    }

    private static String problemCode(Answer answer) {
        return answer.contentType().contains("json") ? answer.json().path("code").asString() : "";
    }

    private static <T> T await(String what, java.util.function.Supplier<T> probe) {
        return Eventually.value(what, probe);
    }
}
