package org.baokao.notification.sms;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.TestServers;

import tools.jackson.databind.JsonNode;

/** The real sandbox gateway of this test JVM, as a tester uses it: read what a phone received, make it fail. */
final class SandboxGateway {

    private final HttpProbe http = HttpProbe.at(TestServers.sandboxUrl());

    void behave(double failureRate, long latencyMs) {
        Answer answer = http.send(http.request("/sandbox/sms/api/behaviour")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"failureRate\":" + failureRate + ",\"latencyMs\":" + latencyMs + "}")));
        if (answer.status() != 200) {
            throw new IllegalStateException("sandbox refused the behaviour: " + answer.body());
        }
    }

    void healthy() {
        behave(0, 0);
    }

    /** Every message the phone received, newest first. */
    List<Received> messages(String phone) {
        List<Received> received = new ArrayList<>();
        for (JsonNode message : http.get("/sandbox/sms/api/messages?phone=" + phone).json()) {
            received.add(new Received(message.path("messageId").asString(), message.path("content").asString(),
                    message.path("submissions").asInt()));
        }
        return received;
    }

    /** One SMS as the person received it; {@code submissions} > 1 means the gateway deduplicated retries. */
    record Received(String messageId, String content, int submissions) {
    }
}
