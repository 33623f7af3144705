package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.enrollment.UniversityRegistrationAdded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ENR-8: the universities a Shanghai 自考 candidate holds, one major each, never changed; without Spring. */
class SelfStudyCandidateTest {

    static final Instant REGISTERED = Instant.parse("2026-09-01T02:00:00Z");
    static final Instant LATER = Instant.parse("2026-09-05T08:30:00Z");
    static final String SITTING = "SH-ZK-2026-10";

    final CoursePlanCatalogue plan = ExamDrafts.coursePlan();
    final UUID id = UUID.randomUUID();

    /** Registered at 复旦大学 B020101 经济学 (新考生注册). */
    SelfStudyCandidate registeredAtFudan() {
        SelfStudyCandidate candidate = SelfStudyCandidate.of(id, "sh", List.of());
        assertThat(candidate.registered(new UniversityRegistration("10246", "复旦大学", "B020101", "经济学", false, null,
                RegistrationOrigin.REGISTRATION, SITTING, REGISTERED))).isPresent();
        return candidate;
    }

    @Test
    @DisplayName("ENR-8: 报考其他学校 adds the university with its one major and says so in an event")
    void addingAnotherUniversity() {
        SelfStudyCandidate candidate = registeredAtFudan();

        SelfStudyCandidate.Added added = candidate.add(CatalogueChoice.choose(plan, "10268", "B100701"), SITTING, LATER);

        assertThat(added.registration()).isEqualTo(new UniversityRegistration("10268", "上海中医药大学", "B100701", "药学",
                false, null, RegistrationOrigin.ADDED, SITTING, LATER));
        assertThat(candidate.registrations()).extracting(UniversityRegistration::universityCode)
                .containsExactly("10246", "10268");
        assertThat(added.event()).isEqualTo(new UniversityRegistrationAdded(id, "sh", SITTING, "10268", "B100701",
                false, LATER));
    }

    @Test
    @DisplayName("ENR-10: a special major added by 报考其他学校 is flagged in the event, for the review it needs")
    void aSpecialMajorAddedIsFlagged() {
        SelfStudyCandidate.Added added = registeredAtFudan().add(CatalogueChoice.choose(plan, "10268", "C100801"),
                SITTING, LATER);

        assertThat(added.registration().specialMajor()).isTrue();
        assertThat(added.event().specialMajor()).isTrue();
    }

    @Test
    @DisplayName("ENR-8: a university held is refused again, with the same major or another: one major, never changed")
    void aHeldUniversityIsRefusedWhateverTheMajor() {
        SelfStudyCandidate candidate = registeredAtFudan();

        for (String major : List.of("B020101", "B030101")) {
            assertThatThrownBy(() -> candidate.add(CatalogueChoice.choose(plan, "10246", major), SITTING, LATER))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo("UNIVERSITY_ALREADY_HELD");
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                        assertThat(refusal.getMessage()).isEqualTo(
                                "您已报考复旦大学（专业：经济学），同一所主考学校只能报考一个专业，且专业确定后不能修改");
                    });
        }
        assertThat(candidate.registrations()).singleElement().extracting(UniversityRegistration::majorCode)
                .isEqualTo("B020101");
    }

    @Test
    @DisplayName("ENR-8: the registration's university arriving again changes nothing")
    void registeringTwiceKeepsTheFirst() {
        SelfStudyCandidate candidate = registeredAtFudan();

        assertThat(candidate.registered(new UniversityRegistration("10246", "复旦大学", "B030101", "法学", false, null,
                RegistrationOrigin.REGISTRATION, SITTING, LATER))).isEmpty();
        assertThat(candidate.registrations()).singleElement().extracting(UniversityRegistration::majorCode)
                .isEqualTo("B020101");
    }

    @Test
    @DisplayName("ACC-9 → ENR-8: an import adds each university held with its 准考证号; a re-import only numbers")
    void anImportAddsTheUniversitiesHeld() {
        SelfStudyCandidate candidate = SelfStudyCandidate.of(id, "sh", List.of());

        List<UniversityRegistration> first = candidate.imported(List.of(imported("10246", "B020101", null),
                imported("10268", "B100701", null)));
        assertThat(first).extracting(UniversityRegistration::universityCode).containsExactly("10246", "10268");

        List<UniversityRegistration> again = candidate.imported(List.of(imported("10246", "B020101", "310123456789"),
                imported("10268", "B100701", null)));
        assertThat(again).singleElement().satisfies(numbered -> {
            assertThat(numbered.universityCode()).isEqualTo("10246");
            assertThat(numbered.admissionNumber()).isEqualTo("310123456789");
        });
        assertThat(candidate.registrations()).extracting(UniversityRegistration::admissionNumber)
                .containsExactly("310123456789", null);
    }

    @Test
    @DisplayName("ENR-8: an import naming a held university with another major does not change the major")
    void anImportNeverChangesAMajor() {
        SelfStudyCandidate candidate = registeredAtFudan();

        assertThat(candidate.imported(List.of(imported("10246", "B030101", "310123456789")))).isEmpty();
        assertThat(candidate.registrations()).singleElement().satisfies(held -> {
            assertThat(held.majorCode()).isEqualTo("B020101");
            assertThat(held.admissionNumber()).isNull();
        });
    }

    @Test
    void registrationsAreInTheOrderTakenUp() {
        SelfStudyCandidate candidate = SelfStudyCandidate.of(id, "sh", List.of(
                new UniversityRegistration("10268", null, "B100701", null, false, null, RegistrationOrigin.ADDED,
                        SITTING, LATER),
                new UniversityRegistration("10246", null, "B020101", null, false, null,
                        RegistrationOrigin.REGISTRATION, SITTING, REGISTERED)));

        assertThat(candidate.registrations()).extracting(UniversityRegistration::universityCode)
                .containsExactly("10246", "10268");
        assertThat(candidate.belongsTo("sh")).isTrue();
        assertThat(candidate.belongsTo("sd")).isFalse();
    }

    private UniversityRegistration imported(String university, String major, String admissionNumber) {
        return new UniversityRegistration(university, null, major, null, false, admissionNumber,
                RegistrationOrigin.IMPORT, SITTING, REGISTERED);
    }
}
