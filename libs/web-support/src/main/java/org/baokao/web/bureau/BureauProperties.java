package org.baokao.web.bureau;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bureau of a request that names none: an API call without a bureau prefix, or a candidate token issued before
 * tokens named their bureau (BUR-1). Not a deployment switch: every bureau is served at once at its own prefix;
 * this only keeps the unprefixed paths of the first bureau working.
 */
@ConfigurationProperties("baokao.bureau")
public record BureauProperties(@DefaultValue("sd") String defaultCode) {
}
