package org.baokao.gateway;

import org.baokao.web.security.IssuerProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The only public entry of Baokao: the web UI, the candidate and operator API, and the partner API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(IssuerProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
