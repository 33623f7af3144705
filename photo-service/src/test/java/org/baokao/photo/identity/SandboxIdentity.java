package org.baokao.photo.identity;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;

/** The sandbox identity provider's test controls: outcomes per candidate (by their ID number), failure rate. */
public final class SandboxIdentity {

    private final HttpProbe sandbox = HttpProbe.at(TestServers.sandboxUrl());

    public void force(UUID candidate, String outcome) {
        String json = outcome == null ? "{\"outcome\":null}" : "{\"outcome\":\"" + outcome + "\"}";
        String subject = FakeAccountService.idNumberOf(candidate);
        expectOk(sandbox.send(sandbox.request("/sandbox/identity/api/subjects/" + subject + "/outcome")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    public void failureRate(double rate) {
        expectOk(sandbox.send(sandbox.request("/sandbox/identity/api/behaviour")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"failureRate\":" + rate + ",\"latencyMs\":0}"))));
    }

    private static void expectOk(HttpProbe.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("sandbox answered " + answer.status() + ": " + answer.body());
        }
    }
}
