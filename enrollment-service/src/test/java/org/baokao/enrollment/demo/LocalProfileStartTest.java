package org.baokao.enrollment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * ./baokao up's start (profile local): the demo bureaus are configured before the demo exams that belong to them,
 * or the exams would be refused BUREAU_UNKNOWN and the start would fail. The demo migrations stay out: this JVM's
 * database is shared with test contexts that do not know them.
 */
@ServiceTest
@ActiveProfiles("local")
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/migration")
class LocalProfileStartTest {

    @Autowired
    BureauConfigurations bureaus;
    @Autowired
    ExamConfigurations exams;

    @Test
    @DisplayName("BUR-1: a local start configures sd and sh, then SD-ZSB-2023 for sd and SH-ZK-2026-10 for sh")
    void aLocalStartConfiguresBothBureausAndTheirExams() {
        assertThat(bureaus.require("sd").name()).isEqualTo("山东省教育招生考试院");
        assertThat(bureaus.require("sh").name()).isEqualTo("上海市教育考试院");
        assertThat(exams.require("sd", "SD-ZSB-2023").name()).isEqualTo("2023年普通高等教育专升本考试");
        assertThat(exams.require("sh", "SH-ZK-2026-10").name()).isEqualTo("2026年10月上海市高等教育自学考试");
        assertThat(bureaus.registrationExamName(bureaus.require("sh"))).contains("2026年10月上海市高等教育自学考试");
    }
}
