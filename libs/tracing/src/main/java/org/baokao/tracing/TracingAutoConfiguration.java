package org.baokao.tracing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** {@link TraceParents} over the tracer and propagator Boot configured (management.tracing.*, baokao-tracing.yml). */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ Tracer.class, Propagator.class })
    TraceParents traceParents(Tracer tracer, Propagator propagator) {
        return new MicrometerTraceParents(tracer, propagator);
    }
}
