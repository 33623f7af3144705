package org.baokao.gateway.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baokao.gateway.GatewayApplication;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A whole gateway application started by hand on a free port, as one instance of a deployment: several can run in
 * one test, against the same Redis, and each can be stopped and replaced like a restarted process.
 */
public final class StandaloneGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneGateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Every route to {@code backend}, trusting {@code issuer}, with Redis at {@code redisUrl} and the given
     * properties on top.
     */
    public static StandaloneGateway start(FakeService backend, TestIssuer issuer, String redisUrl,
            Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("spring.main.banner-mode", "off");
        for (String service : new String[] { "account", "enrollment", "photo", "payment", "notification" }) {
            all.put("baokao.gateway.services." + service, backend.baseUrl());
        }
        all.put("baokao.security.issuers[0].issuer", issuer.issuer());
        all.put("baokao.security.issuers[0].jwk-set-uri", issuer.jwkSetUri());
        all.put("spring.data.redis.url", redisUrl);
        all.putAll(properties);
        // as command-line arguments: they take precedence over application.yml, as in a real start
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new StandaloneGateway(new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(StandaloneGateway::ownEventLoops)
                .run(arguments));
    }

    /**
     * Its own Netty event loops instead of the JVM-wide ones: closing one instance would otherwise stop the loops
     * the other instances serve on, which separate processes never share.
     */
    private static void ownEventLoops(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        });
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public HttpProbe http() {
        return HttpProbe.onLocalPort(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
