package org.baokao.enrollment.selfstudy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.dictionary.CodeList;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 个人信息 of a Shanghai 自考 candidate (SST-4, role {@code candidate}; seed 004 §3(1): 修改 → 确认提交): read, with
 * which starred fields are still missing, and saved whole. At a bureau without 自考 every call is 404
 * {@code NOT_SELF_STUDY}.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class SelfStudyProfileController {

    static final String PATH = "/api/enrollments/self-study/profile";
    private static final String DICTIONARIES = "/api/enrollments/public/dictionaries/";

    private final SelfStudyProfiles profiles;
    private final SelfStudyUniversities universities;

    SelfStudyProfileController(SelfStudyProfiles profiles, SelfStudyUniversities universities) {
        this.profiles = profiles;
        this.universities = universities;
    }

    /**
     * The profile: {@code complete} when no starred field is {@code missing}; {@code fields} as saved (null: not
     * filled in), {@code names} the dictionary names of the coded ones, {@code labels} the form's labels,
     * {@code dictionaries} where each coded field's choices are, {@code updatedAt} of the last 确认提交.
     */
    record ProfileView(boolean complete, List<String> missing, List<String> required, Map<String, String> fields,
            Map<String, String> names, Map<String, String> labels, Map<String, String> dictionaries,
            Instant updatedAt) {

        static ProfileView of(SelfStudyProfile profile, Instant updatedAt) {
            List<String> missing = SelfStudyProfileRules.missing(profile);
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> dictionaries = new LinkedHashMap<>();
            for (String field : SelfStudyProfile.FIELDS) {
                CodeList list = SelfStudyProfileRules.DICTIONARIES.get(field);
                if (list != null) {
                    names.put(field, list.nameOf(profile.get(field)).orElse(null));
                    dictionaries.put(field, DICTIONARIES + list.id());
                }
            }
            return new ProfileView(missing.isEmpty(), missing, SelfStudyProfile.REQUIRED, profile.asMap(), names,
                    SelfStudyProfileRules.LABELS, dictionaries, updatedAt);
        }
    }

    record ProfileRequest(String ethnicity, String politicalStatus, String education, String occupation,
            String mailingAddress, String postcode, String employer, String landline) {

        SelfStudyProfile profile() {
            return new SelfStudyProfile(ethnicity, politicalStatus, education, occupation, mailingAddress, postcode,
                    employer, landline);
        }
    }

    @GetMapping(PATH)
    ProfileView profile(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        universities.sitting(bureau.code());
        Optional<ProfileRepository.Saved> saved = TokenCandidate.of(token).flatMap(profiles::find);
        return saved.map(s -> ProfileView.of(s.profile(), s.updatedAt()))
                .orElseGet(() -> ProfileView.of(SelfStudyProfile.EMPTY, null));
    }

    /** 确认提交: the whole profile; 200 with it saved, 400 with every violation. */
    @PutMapping(PATH)
    ProfileView save(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @RequestBody(required = false) ProfileRequest request) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        universities.sitting(bureau.code());
        UUID candidate = TokenCandidate.of(token).orElseThrow(SelfStudyUniversities::notReady);
        ProfileRepository.Saved saved = profiles.save(candidate, bureau.code(), request.profile());
        return ProfileView.of(saved.profile(), saved.updatedAt());
    }

    @ExceptionHandler(SelfStudyInputException.class)
    ResponseEntity<ProblemDetail> refused(SelfStudyInputException refused) {
        return SelfStudyInputProblems.of(refused);
    }
}
