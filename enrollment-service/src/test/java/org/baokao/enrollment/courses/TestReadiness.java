package org.baokao.enrollment.courses;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.enrollment.selfstudy.CourseReadiness;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A readiness the course tests set per candidate (everyone is ready unless a test says otherwise), so that they test
 * the course rules alone; selfstudy's readiness is tested from its facts (profile, phone, 问卷, approval) in
 * {@code selfstudy.ReadinessApiTest}, which also checks that course selection refuses by the real one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestReadiness {

    static final CourseReadiness.Readiness READY = new CourseReadiness.Readiness(List.of(), null, null);

    @Bean
    @Primary
    SettableReadiness settableReadiness() {
        return new SettableReadiness();
    }

    public static class SettableReadiness implements CourseReadiness {

        private final Map<UUID, Readiness> set = new ConcurrentHashMap<>();

        public void set(UUID candidateId, Readiness readiness) {
            set.put(candidateId, readiness);
        }

        @Override
        public Readiness of(UUID candidateId, String bureau) {
            return set.getOrDefault(candidateId, READY);
        }
    }
}
