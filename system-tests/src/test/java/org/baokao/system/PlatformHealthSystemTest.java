package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.StackTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every service is up and reachable through the gateway (GW-1, OPS-1). */
class PlatformHealthSystemTest {

    @Test
    void gatewayIsHealthyAndServesTheCandidateUi() {
        assertThat(Stack.GATEWAY.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        // the page of every bureau (BUR-1): it names its bureau once it has asked the API which it is
        for (String path : new String[] { "/", "/sd/", "/sh/" }) {
            var page = Stack.GATEWAY.send(Stack.GATEWAY.request(path).header("Accept", "text/html").GET());
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<div id=\"app\">", "<title>网上报名</title>");
        }
    }

    @ParameterizedTest(name = "{0} answers through the gateway")
    @CsvSource({
            "account-service,      /api/accounts/public/id-types,      居民身份证",
            "enrollment-service,   /api/enrollments/public/exams,      2023年普通高等教育专升本考试",
            "photo-service,        /api/photos/public/requirements,    3:4",
            "payment-service,      /api/payments/public/channels,      青岛市" })
    void eachServiceAnswersThroughTheGateway(String service, String path, String expected) {
        var answer = Stack.GATEWAY.get(path);

        assertThat(answer.status()).as(service).isEqualTo(200);
        assertThat(answer.body()).as(service).contains(expected);
    }

    /** Every application of the stack's table but the gateway (checked above): its name and own address. */
    static Stream<Arguments> servicesBehindTheGateway() {
        return StackTable.local().apps().stream().filter(app -> !app.name().equals("gateway"))
                .map(app -> Arguments.of(app.name(), app.url()));
    }

    @ParameterizedTest(name = "{0} reports UP with metrics")
    @MethodSource("servicesBehindTheGateway")
    void eachServiceIsHealthyAndExposesMetrics(String service, String url) {
        HttpProbe direct = HttpProbe.at(url);

        assertThat(direct.get("/actuator/health").json().path("status").asString()).as(service).isEqualTo("UP");
        assertThat(direct.get("/actuator/prometheus").body()).as(service).contains("jvm_memory_used_bytes");
    }
}
