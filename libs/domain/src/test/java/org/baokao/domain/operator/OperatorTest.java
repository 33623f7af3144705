package org.baokao.domain.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** OPS-3: what an operator's role and scope let them see. */
class OperatorTest {

    private static Operator operator(String bureau, String city, String university, OperatorRole... roles) {
        return new Operator("sub", "user", "名字", bureau, Set.of(roles), city, university);
    }

    @Test
    void bureauWideRolesSeeEveryCandidateOfTheirBureauAndNoOther() {
        for (OperatorRole role : Set.of(OperatorRole.BUREAU_ADMIN, OperatorRole.FINANCE, OperatorRole.AUDITOR)) {
            Operator operator = operator("sd", null, null, role);
            assertThat(operator.sees("sd", "3702", Set.of())).as(role.name()).isTrue();
            assertThat(operator.sees("sd", null, Set.of())).as(role.name()).isTrue();
            assertThat(operator.sees("sh", null, Set.of("10246"))).as(role.name()).isFalse();
        }
    }

    @Test
    void aCityOperatorSeesTheCandidatesOfTheirCityOnly() {
        Operator jinan = operator("sd", "3701", null, OperatorRole.CITY_OPERATOR);

        assertThat(jinan.sees("sd", "3701", Set.of())).isTrue();
        assertThat(jinan.sees("sd", "3702", Set.of())).isFalse();
        assertThat(jinan.sees("sd", null, Set.of())).as("no exam location chosen yet").isFalse();
        assertThat(operator("sd", null, null, OperatorRole.CITY_OPERATOR).sees("sd", null, Set.of()))
                .as("a city operator without a city sees nobody").isFalse();
    }

    @Test
    void aReviewerSeesTheCandidatesOfTheirUniversityOnly() {
        Operator fudan = operator("sh", null, "10246", OperatorRole.UNIVERSITY_REVIEWER);

        assertThat(fudan.sees("sh", null, Set.of("10268", "10246"))).isTrue();
        assertThat(fudan.sees("sh", null, Set.of("10268"))).isFalse();
        assertThat(fudan.sees("sd", null, Set.of("10246"))).isFalse();
    }

    @Test
    void aDeskOutsideTheRolesIsForbiddenAndOutOfScopeIsNotFound() {
        Operator auditor = operator("sd", null, null, OperatorRole.AUDITOR);

        auditor.require(OperatorRole.AUDITOR, OperatorRole.BUREAU_ADMIN);
        assertThatThrownBy(() -> auditor.require(OperatorRole.FINANCE)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThat(Operator.outOfScope().kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    @Test
    void aReasonIsRequiredTrimmedAndBounded() {
        assertThat(AuditReason.require("  考生来电核实  ")).isEqualTo("考生来电核实");
        assertThatThrownBy(() -> AuditReason.require(" ")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("REASON_REQUIRED"));
        assertThatThrownBy(() -> AuditReason.require("因".repeat(201))).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("REASON_TOO_LONG"));
        assertThat(AuditReason.optional("  ")).isNull();
    }
}
