package org.baokao.payment.desk;

import java.net.http.HttpRequest;
import java.util.Map;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator of the finance desks in tests (OPS-3): a person's token bound to one bureau, with their desk roles,
 * calling at that bureau's address ({@code Baokao-Bureau}, as the gateway sets it), or at another's.
 */
public record OperatorCalls(HttpProbe http, String token, String bureau, String address) {

    public static OperatorCalls of(int port, String subject, String bureau, String... roles) {
        return new OperatorCalls(HttpProbe.onLocalPort(port),
                TestServers.issuer().operatorToken(subject, bureau, Map.of(), roles), bureau, bureau);
    }

    public static OperatorCalls cityOperator(int port, String subject, String bureau, String city) {
        return new OperatorCalls(HttpProbe.onLocalPort(port),
                TestServers.issuer().operatorToken(subject, bureau, Map.of("city", city), "city-operator"), bureau,
                bureau);
    }

    /** The same person addressing another bureau (the gateway's prefix of that bureau). */
    public OperatorCalls at(String otherBureau) {
        return new OperatorCalls(http, token, bureau, otherBureau);
    }

    public Answer get(String path) {
        return http.send(request(path).GET());
    }

    public Answer post(String path, String json) {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer postCsv(String path, String csv) {
        return http.send(request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private HttpRequest.Builder request(String path) {
        return http.request(path).header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, address);
    }

    /** The audit rows (OperatorActed in the outbox, OPS-3) of one action on one subject. */
    public static long auditRows(JdbcClient jdbc, String action, String subjectId) {
        return jdbc.sql("""
                select count(*) from messaging.outbox where topic = 'operator.actions'
                and envelope like ? and envelope like ?""")
                .params("%" + action + "%", "%" + subjectId + "%").query(Long.class).single();
    }
}
