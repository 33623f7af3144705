package org.baokao.enrollment.selfstudy;

import java.util.UUID;

import org.baokao.web.bureau.RequestBureau;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the candidate may choose courses and pay for them now (SST-4, ENR-8, role {@code candidate}): the course
 * pages show each blocker with its link. At a bureau without 自考: 404 {@code NOT_SELF_STUDY}.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class ReadinessController {

    static final String PATH = "/api/enrollments/self-study/readiness";

    private final CourseReadiness readiness;

    ReadinessController(CourseReadiness readiness) {
        this.readiness = readiness;
    }

    @GetMapping(PATH)
    ReadinessView readiness(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        UUID candidate = TokenCandidate.of(token).orElse(new UUID(0, 0));
        return ReadinessView.of(readiness.of(candidate, bureau.code()));
    }
}
