package org.baokao.enrollment.wizard;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.roster.CandidateProfile;
import org.baokao.enrollment.roster.RosterProjection;
import org.baokao.web.bureau.RequestBureau;
import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate's wizard (ENR-2..ENR-7, role {@code candidate}; the candidate is the token's subject). Every
 * write but the start sends the version it read, as {@code If-Match} or a {@code version} field; answers carry
 * it as {@code ETag}. Another candidate's enrollment is 404 {@code ENROLLMENT_NOT_FOUND}, never 403; so is an
 * exam or an enrollment of another bureau than the one addressed (BUR-1).
 */
@RestController
@RequestMapping("/api/enrollments")
@PreAuthorize("hasRole('candidate')")
class EnrollmentController {

    private static final String ID = "/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final EnrollmentWizard wizard;
    private final RosterProjection roster;
    private final Previews previews;
    private final Clock clock;

    EnrollmentController(EnrollmentWizard wizard, RosterProjection roster, Previews previews, Clock clock) {
        this.wizard = wizard;
        this.roster = roster;
        this.previews = previews;
        this.clock = clock;
    }

    /** Step 1: accept the pledge. 201 + Location for a new enrollment, 200 with the existing one on a repeat. */
    @PostMapping("/exams/{examCode}/enrollment")
    ResponseEntity<EnrollmentView> start(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable String examCode, @RequestBody(required = false) EnrollmentWizard.StartRequest request) {
        UUID candidate = candidate(token).orElseThrow(
                () -> Refusal.conflict("PROFILE_NOT_READY", "考生名单信息正在同步，请稍后再试"));
        EnrollmentWizard.Started started = wizard.start(candidate, bureau.code(), examCode,
                request == null ? new EnrollmentWizard.StartRequest(null, null, null) : request);
        EnrollmentView view = view(started.enrollment(), started.exam());
        ResponseEntity.BodyBuilder answer = started.created()
                ? ResponseEntity.created(URI.create("/api/enrollments/" + view.id())) : ResponseEntity.ok();
        return answer.eTag(etag(view.version())).body(view);
    }

    /** The candidate's enrollments (one per exam and track), oldest first. */
    @GetMapping("/mine")
    List<EnrollmentView> mine(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        return candidate(token).map(candidate -> wizard.mine(candidate, bureau.code())).orElse(List.of()).stream()
                .map(enrollment -> view(enrollment, wizard.examOf(enrollment))).toList();
    }

    @GetMapping(ID)
    ResponseEntity<EnrollmentView> get(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable UUID id) {
        return answer(wizard.get(own(token), bureau.code(), id));
    }

    /** Step 3 (ENR-3). */
    @PutMapping(ID + "/personal-info")
    ResponseEntity<EnrollmentView> personalInfo(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody PersonalInfoRequest request) {
        return answer(wizard.savePersonalInfo(own(token), bureau.code(), id, version(ifMatch, request.version()),
                request.info()));
    }

    /** Step 4 (ENR-4). */
    @PutMapping(ID + "/exam-choice")
    ResponseEntity<EnrollmentView> examChoice(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ExamChoiceRequest request) {
        return answer(wizard.saveExamChoice(own(token), bureau.code(), id, version(ifMatch, request.version()),
                new ExamChoiceRules.Request(request.examLocation(), request.subjectGroup(),
                        request.concurrentApplication(), request.concurrentMajor())));
    }

    /** Step 5 (ENR-5, ENR-6). */
    @PostMapping(ID + "/confirmation")
    ResponseEntity<EnrollmentView> confirm(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) VersionOnly request) {
        return answer(wizard.confirm(own(token), bureau.code(), id,
                version(ifMatch, request == null ? null : request.version())));
    }

    /** Step 7 (ENR-7): only for a completed enrollment. */
    @GetMapping(ID + "/preview")
    PreviewView preview(@AuthenticationPrincipal Jwt token, RequestBureau bureau, @PathVariable UUID id) {
        return previews.of(own(token), bureau.code(), id);
    }

    /** 修改部分报名信息 (ENR-7): {@code {"version": 7, "mailingAddress": "...", "email": "..."}}. */
    @PatchMapping(ID)
    ResponseEntity<EnrollmentView> amend(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody Map<String, Object> body) {
        Map<String, String> changes = new LinkedHashMap<>();
        Integer bodyVersion = null;
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            if (entry.getKey().equals("version")) {
                bodyVersion = entry.getValue() instanceof Number number ? number.intValue() : null;
            } else if (entry.getValue() == null || entry.getValue() instanceof String) {
                changes.put(entry.getKey(), (String) entry.getValue());
            } else {
                throw Refusal.invalid("MALFORMED_REQUEST", "「" + FieldNames.label(entry.getKey()) + "」的值应为文字");
            }
        }
        return answer(wizard.amend(own(token), bureau.code(), id, version(ifMatch, bodyVersion), changes));
    }

    record PersonalInfoRequest(Integer version, String politicalStatus, String ethnicity, String foreignLanguage,
            String mailingAddress, String postcode, String email, String householdProvince, String householdCity,
            String candidateCategory) {

        PersonalInfo info() {
            return new PersonalInfo(politicalStatus, ethnicity, foreignLanguage, mailingAddress, postcode, email,
                    householdProvince, householdCity, candidateCategory);
        }
    }

    record ExamChoiceRequest(Integer version, String examLocation, String subjectGroup,
            Boolean concurrentApplication, String concurrentMajor) {
    }

    record VersionOnly(Integer version) {
    }

    @ExceptionHandler(WizardInputException.class)
    ResponseEntity<ProblemDetail> refused(WizardInputException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.first().code(), refused.first().message());
        problem.setProperty("field", refused.first().field());
        problem.setProperty("violations", refused.violations());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<EnrollmentView> answer(EnrollmentWizard.OwnEnrollment own) {
        EnrollmentView view = view(own.enrollment(), own.exam());
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    private EnrollmentView view(Enrollment enrollment, Exam exam) {
        Optional<CandidateProfile> profile = roster.findCandidateProfile(enrollment.candidateId());
        return EnrollmentView.of(enrollment, exam, profile, wizard.properties().amendableFields(), clock.instant());
    }

    private static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version from {@code If-Match} ({@code "7"}, {@code W/"7"} or {@code 7}), else the body's. */
    static Integer version(String ifMatch, Integer bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        String tag = ifMatch.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.replace("\"", "");
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("VERSION_INVALID", "报名信息版本格式不正确，请刷新后重试");
        }
    }

    /** The candidate's id, for reads and writes of an enrollment: a token that names none sees no enrollment. */
    private static UUID own(Jwt token) {
        return candidate(token).orElseThrow(EnrollmentWizard::notFound);
    }

    private static Optional<UUID> candidate(Jwt token) {
        try {
            return Optional.of(UUID.fromString(token.getSubject()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
