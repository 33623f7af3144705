package org.baokao.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against the sandbox under test, the way the platform and testers call it. */
public final class SandboxHttp {

    /** One set of properties for every sandbox test class, so they share one application context. */
    public static final String SMALL_SMS_CAPACITY = "sandbox.sms.capacity=3";
    public static final String SMALL_CAPTCHA_CAPACITY = "sandbox.captcha.capacity=3";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public SandboxHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(json(path, json));
    }

    public HttpRequest.Builder json(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
