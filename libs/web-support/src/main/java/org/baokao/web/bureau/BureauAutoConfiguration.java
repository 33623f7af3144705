package org.baokao.web.bureau;

import java.util.List;

import org.baokao.domain.operator.Operator;
import org.baokao.web.operator.OperatorResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the request's {@link RequestBureau} (BUR-1) and the operator behind it ({@link Operator},
 * OPS-3) as parameters.
 */
@AutoConfiguration
@EnableConfigurationProperties(BureauProperties.class)
public class BureauAutoConfiguration implements WebMvcConfigurer {

    private final BureauProperties properties;

    BureauAutoConfiguration(BureauProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestBureauResolver(properties));
        resolvers.add(new OperatorResolver(properties));
    }
}
