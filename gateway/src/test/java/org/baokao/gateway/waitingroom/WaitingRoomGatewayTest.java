package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

import org.baokao.gateway.GatewayApplication;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GW-2 through the whole gateway, with a real Redis (libs/test-kit TestRedis) and backends that hold requests in
 * flight as long as a test wants ({@link HeldService}): capacity 2 requests in flight to enrollment, 1 to photo.
 * Its own application context (its own backends and settings), not GatewayTest's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class WaitingRoomGatewayTest {

    static final HeldService ACCOUNT = HeldService.start("account");
    static final HeldService ENROLLMENT = HeldService.start("enrollment");
    static final HeldService PHOTO = HeldService.start("photo");
    static final HeldService PAYMENT = HeldService.start("payment");
    static final TestIssuer ISSUER = TestIssuer.start();

    static final String PASS = WaitingRoomCookies.PASS;
    static final String TICKET = WaitingRoomCookies.TICKET;
    static final Duration TURN = Duration.ofMillis(200);
    static final Duration ABANDON_AFTER = Duration.ofSeconds(3);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // HTTP/1.1: with its default (HTTP/2 by upgrade) the client holds calls to a host back until the first answers
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @Autowired
    InFlightLoad load;

    @Autowired
    WaitingRoom room;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private final String candidate = bearer(ISSUER.token("candidate-1", "candidate"));
    private final List<CompletableFuture<HttpResponse<String>>> heldCalls = new ArrayList<>();
    private ConfigurableApplicationContext secondGateway;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Everything both instances of the two-instance test are configured with. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baokao.gateway.services.account", ACCOUNT.baseUrl());
        settings.put("baokao.gateway.services.enrollment", ENROLLMENT.baseUrl());
        settings.put("baokao.gateway.services.photo", PHOTO.baseUrl());
        settings.put("baokao.gateway.services.payment", PAYMENT.baseUrl());
        settings.put("baokao.gateway.services.notification", PAYMENT.baseUrl());
        settings.put("baokao.security.issuers[0].issuer", ISSUER.issuer());
        settings.put("baokao.security.issuers[0].jwk-set-uri", ISSUER.jwkSetUri());
        settings.put("spring.data.redis.url", TestServers.redis().url());
        settings.put("baokao.gateway.waiting-room.capacity.enrollment", 2);
        settings.put("baokao.gateway.waiting-room.capacity.photo", 1);
        settings.put("baokao.gateway.waiting-room.secret", "waiting-room-test-secret-shared-by-instances");
        settings.put("baokao.gateway.waiting-room.key-prefix", "test:{waiting-room}");
        settings.put("baokao.gateway.waiting-room.turn-interval", TURN.toString());
        settings.put("baokao.gateway.waiting-room.poll-interval", "1s");
        settings.put("baokao.gateway.waiting-room.abandon-after", ABANDON_AFTER.toString());
        // held requests outlive the default 10 s time limit of the routes' breakers
        settings.put("baokao.gateway.breaker.timeout", "40s");
        return settings;
    }

    @BeforeEach
    @AfterEach
    void emptyRoom() {
        for (HeldService service : new HeldService[] { ACCOUNT, ENROLLMENT, PHOTO, PAYMENT }) {
            service.reset();
        }
        heldCalls.forEach(CompletableFuture::join);
        heldCalls.clear();
        if (secondGateway != null) {
            secondGateway.close();
            secondGateway = null;
        }
        // every call let through is in the load until it is over, and out of it afterwards (nothing leaks)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> load.committed("enrollment") == 0 && load.committed("photo") == 0);
        TestServers.redis().flushAll();
        // two turns: the line's length read afresh, the load of the released requests out of the average
        await().atMost(Duration.ofSeconds(5)).until(() -> room.waiting() == 0);
        sleep(TURN.multipliedBy(3));
    }

    @Test
    void underCapacityANewSessionGoesInAtOnceWithItsPass() {
        EntityExchangeResult<String> page = page(port, "/sd/login").expectStatus().isOk()
                .expectBody(String.class).returnResult();

        assertThat(page.getResponseBody()).contains("<div id=\"app\">").doesNotContain("排队中");
        ResponseCookie pass = page.getResponseCookies().getFirst(PASS);
        assertThat(pass).isNotNull();
        assertThat(pass.isHttpOnly()).isTrue();
        assertThat(pass.getSameSite()).isEqualTo("Lax");
        assertThat(pass.getPath()).isEqualTo("/");
        assertThat(pass.getMaxAge()).isEqualTo(Duration.ofHours(2));
        assertThat(pass.isSecure()).as("plain HTTP").isFalse();
        assertThat(page.getResponseCookies().getFirst(TICKET)).isNull();

        // behind the load balancer's HTTPS
        ResponseCookie overHttps = client.get().uri("/sd/login").accept(MediaType.TEXT_HTML)
                .header("X-Forwarded-Proto", "https").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst(PASS);
        assertThat(overHttps.isSecure()).isTrue();
    }

    @Test
    void overCapacityANewPageLoadGetsTheWaitingPageAndANewApiCallIs429Queued() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);

        EntityExchangeResult<String> page = page(port, "/sd/wizard/payment").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class).returnResult();
        assertThat(page.getResponseBody())
                .contains("<title>排队中", "排队中，您前面还有 <strong id=\"ahead\">0</strong> 人", "正在估算等待时间",
                        "/waiting-room/status", "role=\"progressbar\"")
                .doesNotContain("<div id=\"app\">");
        assertThat(page.getResponseCookies().getFirst(TICKET)).isNotNull();
        assertThat(page.getResponseCookies().getFirst(PASS)).isNull();

        EntityExchangeResult<byte[]> api = client.get().uri("/sd/api/enrollments/public/exams").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("QUEUED")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").isEqualTo("排队中，您前面还有 1 人，正在估算等待时间")
                .jsonPath("$.position").isEqualTo(1)
                .jsonPath("$.estimatedMinutes").isEmpty()
                .returnResult();
        assertThat(api.getResponseCookies().getFirst(TICKET)).isNotNull();

        // the queued call never reached the service
        assertThat(ENROLLMENT.received()).allMatch(call -> call.contains("/slow"));
    }

    @Test
    void aCrowdOfNewCallersInOneInstantGetsNoMoreThanTheRoomHolds() {
        // photo's capacity is one; eight callers of a public photo path, without cookie or token, at once
        List<CompletableFuture<HttpResponse<String>>> crowd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            crowd.add(call(port, "/api/photos/public/slow", null));
        }
        heldCalls.addAll(crowd);

        await().atMost(Duration.ofSeconds(10)).failFast("more than one let in", () -> PHOTO.held() > 1)
                .until(() -> crowd.stream().filter(CompletableFuture::isDone).count() == 7);
        sleep(Duration.ofMillis(500));
        assertThat(crowd.stream().filter(CompletableFuture::isDone).map(call -> call.join().statusCode()))
                .containsOnly(429).hasSize(7);
        assertThat(PHOTO.held()).isEqualTo(1);
    }

    @Test
    void candidatesInAJourneyPassWhileNewcomersQueue() {
        String pass = passOf(page(port, "/sd/login").expectStatus().isOk().returnResult(String.class));
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);

        // the pass: the full service's API and a page load both pass
        client.get().uri("/sd/api/enrollments/public/exams").cookie(PASS, pass).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("enrollment");
        page(port, "/sd/wizard/photo", PASS, pass).expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));

        // a bearer token passes, and its holder gets a pass for their next page load
        EntityExchangeResult<byte[]> loggedIn = client.get().uri("/sd/api/enrollments/applications/mine")
                .header(HttpHeaders.AUTHORIZATION, candidate).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("enrollment").returnResult();
        String given = passOf(loggedIn);
        page(port, "/sd/home", PASS, given).expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));

        // meanwhile a newcomer waits
        client.get().uri("/sd/api/enrollments/public/exams").exchange().expectStatus().isEqualTo(429);
        // and a forged pass is no pass
        client.get().uri("/sd/api/enrollments/public/exams").cookie(PASS, "p1:99999999999.AAAA").exchange()
                .expectStatus().isEqualTo(429);
    }

    @Test
    void aTicketHolderReloadingKeepsThePlaceAndAnAlteredTicketIsNone() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);
        ticketOf(page(port, "/sd/").expectStatus().isOk().returnResult(String.class));
        String second = ticketOf(page(port, "/sd/").expectStatus().isOk().returnResult(String.class));

        EntityExchangeResult<String> reload = page(port, "/sd/", TICKET, second).expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(reload.getResponseBody()).contains("您前面还有 <strong id=\"ahead\">1</strong> 人");
        assertThat(reload.getResponseCookies().getFirst(TICKET)).as("the same ticket, no new one").isNull();

        // ticket 2 claimed as ticket 1 (the signature no longer fits): a newcomer, at the end of the line
        String forged = second.replaceFirst("^t1:2:", "t1:1:");
        assertThat(forged).isNotEqualTo(second);
        EntityExchangeResult<String> claimed = page(port, "/sd/", TICKET, forged).expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(claimed.getResponseBody()).contains("您前面还有 <strong id=\"ahead\">2</strong> 人");
        assertThat(claimed.getResponseCookies().getFirst(TICKET)).isNotNull();
    }

    @Test
    void whenTheLoadFallsTheLineIsAdmittedInTicketOrder() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode status = newcomerStatus(port);
            assertThat(status.path("position").asLong()).isEqualTo(i);
            tickets.add(lastTicket);
        }

        // one place frees up per turn: one request stays in flight
        ENROLLMENT.release();
        heldCalls.forEach(CompletableFuture::join);
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 1);

        expectAdmittedInOrder(tickets, List.of(port));
    }

    @Test
    void twoGatewayInstancesShareOneLineInOneOrder() {
        int second = startSecondGateway();
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2); // first instance full
        holdInFlight(PHOTO, "/api/photos/slow", 1, second); // second instance full (photo capacity 1)

        // newcomers at either instance, in turn: one numbering
        List<String> tickets = new ArrayList<>();
        int[] instances = { port, second, port, second };
        for (int i = 0; i < instances.length; i++) {
            assertThat(newcomerStatus(instances[i]).path("position").asLong()).isEqualTo(i);
            tickets.add(lastTicket);
        }
        // each instance honours the other's tickets, and both say the same
        assertThat(status(second, TICKET, tickets.get(0)).path("position").asLong()).isZero();
        assertThat(status(port, TICKET, tickets.get(3)).path("position").asLong()).isEqualTo(3);

        // only the second instance gets room; its turns let in the first instance's tickets too, in order
        PHOTO.release();
        expectAdmittedInOrder(tickets, List.of(port, second));
        assertThat(load.current("enrollment")).as("the first instance stayed full").isEqualTo(2);
    }

    @Test
    void abandonedTicketsDoNotHoldUpTheLine() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);
        newcomerStatus(port);
        newcomerStatus(port);
        String follower = lastTicket;
        assertThat(status(port, TICKET, follower).path("position").asLong()).isEqualTo(1);

        // the first ticket is never asked about again; the second keeps asking, as its page does
        await().atMost(ABANDON_AFTER.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(port, TICKET, follower).path("position").asLong() == 0);
        assertThat(prometheus()).containsPattern("baokao_waiting_room_abandoned_total\\{[^}]*} [1-9]");

        ENROLLMENT.release();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(port, TICKET, follower).path("admitted").asBoolean());
    }

    @Test
    void aFloodOfAbandonedTicketsLeavesTheLineInOneTurn() {
        // a line of its own (no instance takes turns on it): a client that drops its cookies took 4000 tickets
        TicketLine line = new RedisTicketLine(redis, new WaitingRoomProperties(true, Map.of(), "",
                "flood:{waiting-room}", Duration.ofHours(2), Duration.ofHours(1), Duration.ofMillis(300), TURN,
                Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(5), List.of(), List.of()));
        Flux.range(0, 4000).flatMap(i -> line.join(), 16).blockLast();
        sleep(Duration.ofMillis(600));

        TicketLine.Turn turn = line.turn(0).block();

        assertThat(turn.abandoned()).isEqualTo(4000);
        assertThat(turn.waiting()).isZero();
    }

    @Test
    void theQueueLengthAndTheLoadAreMetrics() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);
        for (int i = 0; i < 3; i++) {
            newcomerStatus(port);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("(?m)^baokao_waiting_room_queue_length\\{[^}]*} 3\\.0$")
                .containsPattern("(?m)^baokao_waiting_room_in_flight\\{[^}]*route=\"enrollment\"[^}]*} 2\\.0$")
                .containsPattern("(?m)^baokao_waiting_room_capacity\\{[^}]*route=\"enrollment\"[^}]*} 2\\.0$")
                .containsPattern("(?m)^baokao_waiting_room_queued_total\\{[^}]*} [1-9]"));
    }

    @Test
    void callbacksTheCapturePhoneTheConsoleAndTheRoomItselfNeverWait() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);

        // a bank's notification and the phone's capture link, without cookie or token
        client.post().uri("/api/payments/notify/bank-a").bodyValue("{}").exchange().expectStatus().isOk();
        client.get().uri("/sd/api/photos/public/capture/link-1").exchange().expectStatus().isOk();
        // the phone's capture page and the operator console
        page(port, "/sd/capture/link-1").expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));
        page(port, "/console/orders").expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"console\">"));
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/waiting-room/status").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.admitted").isEqualTo(false);

        // while a newcomer's page load waits
        page(port, "/sd/login").expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("排队中"));
    }

    @Test
    void theCaptureLongPollIsNoLoadButAnOrdinaryRequestIs() {
        heldCalls.add(call(port, "/api/photos/capture-sessions/s-1?waitMs=8000", candidate));
        await().atMost(Duration.ofSeconds(5)).until(() -> PHOTO.held() == 1);
        page(port, "/sd/login").expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));

        holdInFlight(PHOTO, "/api/photos/slow", 1);
        page(port, "/sd/login").expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("排队中"));
    }

    @Test
    void whenRedisDoesNotAnswerNewcomersGoInAndItIsCounted() {
        holdInFlight(ENROLLMENT, "/api/enrollments/slow", 2);
        // Redis holds every client's commands for 3 s: longer than the room waits (500 ms)
        assertThat(TestServers.redis().command("CLIENT PAUSE 3000 ALL")).isEqualTo("+OK");

        EntityExchangeResult<String> page = page(port, "/sd/login").expectStatus().isOk()
                .expectBody(String.class).returnResult();

        assertThat(page.getResponseBody()).contains("<div id=\"app\">");
        assertThat(page.getResponseCookies().getFirst(PASS)).isNotNull();
        assertThat(prometheus())
                .containsPattern("(?m)^baokao_waiting_room_store_failures_total\\{[^}]*} [1-9]")
                .containsPattern("(?m)^baokao_waiting_room_admitted_total\\{[^}]*how=\"failing-open\"[^}]*} [1-9]");
        sleep(Duration.ofSeconds(3));
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Asks for each ticket, last ticket first, until all are admitted; at every round the admitted ones must be the
     * front of the line (asking the last first: a turn between two questions can only make a later answer show more
     * admitted ones at the front). Alternates between the given instances.
     */
    private void expectAdmittedInOrder(List<String> tickets, List<Integer> instances) {
        boolean[] admitted = new boolean[tickets.size()];
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int round = 0;
        while (!admitted[admitted.length - 1]) {
            assertThat(System.nanoTime()).as("all admitted within 15 s").isLessThan(deadline);
            for (int i = tickets.size() - 1; i >= 0; i--) {
                if (!admitted[i]) {
                    int instance = instances.get((round + i) % instances.size());
                    admitted[i] = status(instance, TICKET, tickets.get(i)).path("admitted").asBoolean();
                }
            }
            for (int i = 1; i < admitted.length; i++) {
                assertThat(!admitted[i] || admitted[i - 1])
                        .as("round %d: ticket %d admitted before ticket %d", round, i + 1, i).isTrue();
            }
            round++;
            sleep(Duration.ofMillis(50));
        }
    }

    private String lastTicket;

    /** A newcomer asking the status endpoint (as a page without cookies would): remembers the ticket given. */
    private JsonNode newcomerStatus(int instance) {
        EntityExchangeResult<byte[]> result = clientOf(instance).get().uri("/waiting-room/status").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        ResponseCookie ticket = result.getResponseCookies().getFirst(TICKET);
        assertThat(ticket).as("a ticket for the newcomer").isNotNull();
        lastTicket = ticket.getValue();
        return json(result.getResponseBody());
    }

    private JsonNode status(int instance, String cookie, String value) {
        return json(clientOf(instance).get().uri("/waiting-room/status").cookie(cookie, value).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec page(int instance, String path, String... cookie) {
        WebTestClient.RequestHeadersSpec<?> request = clientOf(instance).get().uri(path)
                .accept(MediaType.TEXT_HTML, MediaType.ALL);
        if (cookie.length == 2) {
            request = request.cookie(cookie[0], cookie[1]);
        }
        return request.exchange();
    }

    private WebTestClient clientOf(int instance) {
        return instance == port ? client
                : WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + instance).build();
    }

    /** {@code count} requests to {@code path} held in flight (logged in: they pass whatever the load). */
    private void holdInFlight(HeldService service, String path, int count) {
        holdInFlight(service, path, count, port);
    }

    private void holdInFlight(HeldService service, String path, int count, int instance) {
        int before = service.held();
        for (int i = 0; i < count; i++) {
            heldCalls.add(call(instance, path, candidate));
        }
        IntSupplier held = service::held;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> held.getAsInt() == before + count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("held " + held.getAsInt() + " of " + (before + count) + "; answered: "
                    + heldCalls.stream().filter(CompletableFuture::isDone)
                            .map(call -> call.isCompletedExceptionally() ? "failed"
                                    : call.join().statusCode() + " " + call.join().body())
                            .toList(), e);
        }
    }

    /** A call without waiting for its answer; {@code authorization} null: a newcomer's. */
    private static CompletableFuture<HttpResponse<String>> call(int instance, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance + path));
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int startSecondGateway() {
        Map<String, Object> settings = new LinkedHashMap<>(settings());
        settings.put("server.port", 0);
        // as command-line arguments: above application.yml, as the test's own properties are
        secondGateway = new SpringApplicationBuilder(GatewayApplication.class).run(settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
        return Integer.parseInt(secondGateway.getEnvironment().getProperty("local.server.port"));
    }

    private String prometheus() {
        return client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String passOf(org.springframework.test.web.reactive.server.ExchangeResult result) {
        ResponseCookie pass = result.getResponseCookies().getFirst(PASS);
        assertThat(pass).as("a pass").isNotNull();
        return pass.getValue();
    }

    private static String ticketOf(org.springframework.test.web.reactive.server.ExchangeResult result) {
        ResponseCookie ticket = result.getResponseCookies().getFirst(TICKET);
        assertThat(ticket).as("a ticket").isNotNull();
        return ticket.getValue();
    }

    private static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
