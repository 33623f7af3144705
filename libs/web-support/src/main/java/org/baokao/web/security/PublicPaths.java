package org.baokao.web.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Paths of a service that answer without a token, e.g. {@code /api/accounts/public/**}. */
@ConfigurationProperties("baokao.security")
public record PublicPaths(List<String> publicPaths) {

    public PublicPaths {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
