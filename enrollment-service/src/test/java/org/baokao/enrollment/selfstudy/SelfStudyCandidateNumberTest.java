package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamDrafts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SST-7: the candidate's one 准考证号 across the universities they hold. */
class SelfStudyCandidateNumberTest {

    private static final Instant AT = Instant.parse("2026-09-01T02:00:00Z");

    @Test
    @DisplayName("SST-7: a generated number goes on every university without one, and on one added later")
    void oneNumberEverywhere() {
        SelfStudyCandidate candidate = SelfStudyCandidate.of(UUID.randomUUID(), "sh", List.of(
                registration("10246", RegistrationOrigin.REGISTRATION, null)));
        assertThat(candidate.signUpRegistration()).map(UniversityRegistration::universityCode).contains("10246");
        assertThat(candidate.admissionNumber()).isEmpty();

        assertThat(candidate.numbered("261024600001")).extracting(UniversityRegistration::admissionNumber)
                .containsExactly("261024600001");
        assertThat(candidate.admissionNumber()).contains("261024600001");
        assertThat(candidate.numbered("261024600002")).as("never a second number").isEmpty();

        SelfStudyCandidate.Added added = candidate.add(CatalogueChoice.choose(ExamDrafts.coursePlan(), "10268",
                "B100701"), "SH-ZK-2026-10", AT.plusSeconds(60));
        assertThat(added.registration().admissionNumber()).isEqualTo("261024600001");
    }

    @Test
    @DisplayName("SST-7, ACC-9: an imported 在籍考生 has no university of 新考生注册")
    void importedCandidatesAreNotNew() {
        SelfStudyCandidate imported = SelfStudyCandidate.of(UUID.randomUUID(), "sh", List.of(
                registration("10246", RegistrationOrigin.IMPORT, "010124100001")));
        assertThat(imported.signUpRegistration()).isEmpty();
        assertThat(imported.admissionNumber()).contains("010124100001");
    }

    private static UniversityRegistration registration(String university, RegistrationOrigin origin, String number) {
        return new UniversityRegistration(university, null, "B020101", null, false, number, origin, "SH-ZK-2026-10", AT);
    }
}
