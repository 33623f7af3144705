package org.baokao.photo.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.testkit.TestServers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import com.sun.net.httpserver.HttpServer;

/**
 * account-service's internal identity endpoint as photo-service's tests see it: a tiny HTTP server in the test JVM
 * answering {@code GET /internal/candidates/{id}/identity} for the one service token photo-service is configured
 * with (the real endpoint, its role check and its audit are tested in account-service; the two together run in
 * system-tests). Every candidate id gets a stable, valid synthetic ID number ({@link #idNumberOf}), so tests can
 * steer the sandbox provider per candidate. Registered for every photo-service test context (META-INF/spring.factories).
 */
public final class FakeAccountService {

    private static final Pattern PATH = Pattern.compile("/internal/candidates/([0-9a-f-]{36})/identity");
    private static String url;
    private static String token;

    private FakeAccountService() {
    }

    /** The synthetic resident ID number of a test candidate. */
    public static String idNumberOf(UUID candidate) {
        long hash = candidate.getMostSignificantBits() ^ candidate.getLeastSignificantBits();
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(hash, 15_000));
        return Gb11643TestNumbers.residentId("110101", born.format(DateTimeFormatter.BASIC_ISO_DATE),
                "%03d".formatted(Math.floorMod(hash >>> 20, 1000)));
    }

    static synchronized Map<String, Object> properties() {
        if (url == null) {
            token = TestServers.issuer().token("service-account-photo-service", "service");
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/internal/candidates/", exchange -> {
                    Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    int status;
                    String body = "";
                    if (!("Bearer " + token).equals(auth)) {
                        status = 401;
                    } else if (!path.matches()) {
                        status = 404;
                    } else {
                        status = 200;
                        body = "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\""
                                + idNumberOf(UUID.fromString(path.group(1))) + "\",\"name\":\"测试考生\"}";
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        exchange.getResponseBody().write(bytes);
                    }
                    exchange.close();
                });
                server.start();
                url = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of("baokao.photo.identity.account-service-url", url,
                "baokao.photo.identity.fixed-service-token", token);
    }

    /** Adds the fake's address and the service token to every photo-service test context. */
    public static final class CustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("fakeAccountService", properties()));
        }
    }
}
