package org.baokao.enrollment.selfstudy;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 报名信息 and 报考其他学校 of a Shanghai 自考 candidate (ENR-8, role {@code candidate}; the candidate is the token's
 * subject, the bureau the addressed one): the 主考学校 they hold, each with its one major, and adding another. At a
 * bureau without 自考 (Shandong) every call is 404 {@code NOT_SELF_STUDY}.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class SelfStudyController {

    static final String UNIVERSITIES = "/api/enrollments/self-study/universities";

    private final SelfStudyUniversities universities;
    private final Clock clock;

    SelfStudyController(SelfStudyUniversities universities, Clock clock) {
        this.universities = universities;
        this.clock = clock;
    }

    /**
     * The candidate's universities in the order taken up (the one of registration first), read against the current
     * sitting ({@code examCode}); 报考其他学校 is possible while {@code registrationOpen}.
     */
    record UniversitiesView(String examCode, String examName, boolean registrationOpen,
            List<UniversityRegistrationView> registrations) {
    }

    record AddRequest(String universityCode, String majorCode) {
    }

    @GetMapping(UNIVERSITIES)
    UniversitiesView held(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        Exam sitting = universities.sitting(bureau.code());
        List<UniversityRegistration> held = candidate(token)
                .map(candidate -> universities.held(candidate, bureau.code())).orElse(List.of());
        return new UniversitiesView(sitting.code(), sitting.name(), sitting.isRegistrationOpenAt(clock.instant()),
                held.stream().map(registration -> UniversityRegistrationView.of(sitting, registration)).toList());
    }

    @GetMapping(UNIVERSITIES + "/{universityCode}")
    UniversityRegistrationView heldAt(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable String universityCode) {
        Exam sitting = universities.sitting(bureau.code());
        UUID candidate = candidate(token).orElseThrow(SelfStudyUniversities::notHeld);
        return UniversityRegistrationView.of(sitting, universities.heldAt(candidate, bureau.code(), universityCode));
    }

    /** 报考其他学校: {@code {"universityCode": "10269", "majorCode": "B040106"}}; 201 with the registration. */
    @PostMapping(UNIVERSITIES)
    ResponseEntity<UniversityRegistrationView> add(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @RequestBody(required = false) AddRequest request) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        UUID candidate = candidate(token).orElseThrow(SelfStudyUniversities::notReady);
        UniversityRegistration added = universities.add(candidate, bureau.code(), request.universityCode(),
                request.majorCode());
        return ResponseEntity.created(URI.create(UNIVERSITIES + "/" + added.universityCode()))
                .body(UniversityRegistrationView.of(universities.sitting(bureau.code()), added));
    }

    private static Optional<UUID> candidate(Jwt token) {
        try {
            return Optional.of(UUID.fromString(token.getSubject()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
