package org.baokao.enrollment.courses;

import java.util.List;

import org.baokao.enrollment.selfstudy.CourseReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEMPORARY, delete when {@code selfstudy}'s {@link CourseReadiness} (part A of issue 19: profile, phone, 问卷, approval)
 * is merged. Course registration was built beside it and needs a readiness to start; until the real one exists
 * this one lets everyone choose and pay, and says so at start. It steps aside by itself as soon as another
 * {@code CourseReadiness} bean is there (the real one is a scanned component, registered before this method's
 * condition is read).
 */
@Configuration(proxyBeanMethods = false)
class ReadinessStandIn {

    private static final Logger log = LoggerFactory.getLogger(ReadinessStandIn.class);

    @Bean
    @ConditionalOnMissingBean(CourseReadiness.class)
    CourseReadiness everyoneReadyUntilReadinessIsMerged() {
        log.warn("No CourseReadiness: every candidate may choose and pay courses (stand-in until selfstudy's is merged)");
        return (candidateId, bureau) -> new CourseReadiness.Readiness(List.of(), null, null);
    }
}
